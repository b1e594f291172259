package course.notebook.application;

/** One invalid field of a request: {@code field} names it ("name", "cells[2]"), {@code message} says why. */
public record FieldError(String field, String message) {
}
