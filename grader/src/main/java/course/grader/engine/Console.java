package course.grader.engine;

import java.io.PrintStream;

/** Where the grader tells the user what is happening, line by line. */
public interface Console {
    void line(String text);

    static Console of(PrintStream out) {
        return text -> {
            out.println(text);
            out.flush();
        };
    }

    static Console silent() {
        return text -> { };
    }
}
