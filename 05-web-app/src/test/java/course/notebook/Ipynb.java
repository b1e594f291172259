package course.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The official nbformat 4.5 JSON Schema (test resource nbformat/, BSD-3-Clause) and a sample notebook file. */
public final class Ipynb {
    /** A notebook as Jupyter writes it: sources and texts as arrays of lines, a markdown cell, every output kind. */
    public static final String SAMPLE = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"name": "java", "display_name": "Java"}, "language_info": {"name": "java"},
                          "title": "Squares"},
             "cells": [
              {"id": "intro", "cell_type": "markdown", "metadata": {}, "source": ["# Squares\\n", "A small example."]},
              {"id": "square", "cell_type": "code", "metadata": {}, "execution_count": 1,
               "source": ["int square(int n) {\\n", "    return n * n;\\n", "}\\n", "System.out.println(square(4));\\n",
                          "square(5)"],
               "outputs": [{"output_type": "stream", "name": "stdout", "text": ["16\\n"]},
                           {"output_type": "execute_result", "execution_count": 1, "data": {"text/plain": ["25"]},
                            "metadata": {}}]},
              {"id": "broken", "cell_type": "code", "metadata": {}, "execution_count": 2, "source": "1 / 0",
               "outputs": [{"output_type": "error", "ename": "java.lang.ArithmeticException", "evalue": "/ by zero",
                            "traceback": ["java.lang.ArithmeticException: / by zero"]}]},
              {"id": "typo", "cell_type": "code", "metadata": {}, "execution_count": 3, "source": "int z = ;",
               "outputs": [{"output_type": "error", "ename": "COMPILE_ERROR", "evalue": "illegal start of expression",
                            "traceback": ["line 1, column 9: illegal start of expression"]}]},
              {"id": "fresh", "cell_type": "code", "metadata": {}, "execution_count": null, "source": "", "outputs": []}
             ]}
            """;

    /** The cells of {@link #SAMPLE} as the API shows them after an import. */
    public static final String SAMPLE_CELLS = """
            [{"id":"intro","type":"markdown","source":"# Squares\\nA small example.","executionCount":null,"outputs":[]},
             {"id":"square","type":"code","source":"int square(int n) {\\n    return n * n;\\n}\\nSystem.out.println(square(4));\\nsquare(5)",
              "executionCount":1,"outputs":[{"type":"stream","name":"stdout","text":"16\\n"},{"type":"result","value":"25"}]},
             {"id":"broken","type":"code","source":"1 / 0","executionCount":2,
              "outputs":[{"type":"error","outcome":"EXCEPTION","message":"java.lang.ArithmeticException: / by zero","errors":[]}]},
             {"id":"typo","type":"code","source":"int z = ;","executionCount":3,
              "outputs":[{"type":"error","outcome":"COMPILE_ERROR","message":"illegal start of expression",
                          "errors":[{"line":1,"column":9,"message":"illegal start of expression"}]}]},
             {"id":"fresh","type":"code","source":"","executionCount":null,"outputs":[]}]
            """;

    private static final JsonSchema SCHEMA = load();

    private Ipynb() {
    }

    private static JsonSchema load() {
        try (InputStream in = Ipynb.class.getResourceAsStream("/nbformat/nbformat.v4.5.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong with a document (empty when it is valid nbformat 4.5). */
    public static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** nbformat's multiline string (a string or an array of strings) as one string. */
    public static String text(JsonNode multiline) {
        if (multiline.isTextual()) {
            return multiline.textValue();
        }
        StringBuilder out = new StringBuilder();
        multiline.forEach(part -> out.append(part.asText()));
        return out.toString();
    }
}
