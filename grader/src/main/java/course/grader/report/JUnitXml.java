package course.grader.report;

import course.grader.engine.GradeRun;
import course.grader.engine.ModuleResult;
import course.grader.engine.TestOutcome;

/** The run as JUnit XML, the format CI systems and IDEs display natively. */
final class JUnitXml {
    private JUnitXml() {
    }

    static String render(GradeRun run) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"grade\">\n");
        for (ModuleResult m : run.modules()) {
            long failures = m.tests().stream().filter(t -> !t.passed()).count();
            xml.append("  <testsuite name=\"").append(esc(m.module())).append("\" tests=\"")
                    .append(Math.max(1, m.tests().size())).append("\" failures=\"")
                    .append(m.tests().isEmpty() ? 1 : failures).append("\">\n");
            if (m.tests().isEmpty()) {
                xml.append("    <testcase classname=\"").append(esc(m.module())).append("\" name=\"grading\">\n")
                        .append("      <failure message=\"").append(esc(m.status().name())).append("\">")
                        .append(esc(m.message())).append("</failure>\n    </testcase>\n");
            }
            for (TestOutcome t : m.tests()) {
                xml.append("    <testcase classname=\"").append(esc(t.className())).append("\" name=\"")
                        .append(esc(t.task() + " " + t.name())).append("\" time=\"")
                        .append(t.durationMs() / 1000.0).append("\">");
                if (!t.passed()) {
                    xml.append("\n      <failure message=\"").append(esc(t.status().name())).append("\">")
                            .append(esc(Reports.cut(t.message()))).append("</failure>\n    ");
                }
                xml.append("</testcase>\n");
            }
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
