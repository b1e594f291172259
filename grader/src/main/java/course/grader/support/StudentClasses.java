package course.grader.support;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tells ArchUnit to read only the folder of compiled student code for the test's
 * package ({@code .../target/classes}), not the whole class path: the rules concern the
 * student's code, and scanning every library jar would cost seconds per module.
 */
public final class StudentClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
        String packagePath = testClass.getPackageName().replace('.', '/');
        Set<Location> locations = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(testClass.getClassLoader().getResources(packagePath))) {
                if (!"file".equals(url.getProtocol()) || url.getPath().contains("/test-classes/")) {
                    continue;
                }
                Path packageDir = Path.of(url.toURI());
                Path root = packageDir;
                for (int i = 0; i < testClass.getPackageName().split("\\.").length; i++) {
                    root = root.getParent();
                }
                locations.add(Location.of(root));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return locations;
    }
}
