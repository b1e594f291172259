package course.grader.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void rendersNumberedSteps() {
        Transcript t = new Transcript();
        t.step("connect to x:1");
        t.step("sent 3 bytes");
        assertThat(t.render()).isEqualTo("steps that ran:\n"
                + String.format("   1. connect to x:1%n   2. sent 3 bytes%n"));
    }

    @Test
    void emptyTranscriptStillHasItsHeading() {
        assertThat(new Transcript().render()).isEqualTo("steps that ran:\n");
    }

    @Test
    void keepsOnlyTheLastStepsAndCountsTheDropped() {
        Transcript t = new Transcript();
        for (int i = 1; i <= Transcript.MAX_STEPS + 5; i++) {
            t.step("step " + i);
        }
        String rendered = t.render();
        assertThat(rendered).contains("(5 earlier steps not shown)")
                .doesNotContain(". step 5" + System.lineSeparator())
                .contains(" 6. step 6", "45. step 45");
        assertThat(rendered.lines().count()).isEqualTo(2 + Transcript.MAX_STEPS);
    }

    @Test
    void failurePutsTheTranscriptBeforeTheMessage() {
        Transcript t = new Transcript();
        t.step("connect");
        IOException cause = new IOException("boom");
        AssertionError plain = t.failure("it broke");
        AssertionError caused = t.failure("it broke again", cause);
        assertThat(plain).hasMessageStartingWith("steps that ran:").hasMessageEndingWith("1. connect"
                + System.lineSeparator() + "it broke").hasNoCause();
        assertThat(caused).hasMessageEndingWith("it broke again").hasCause(cause);
    }
}
