package org.domicile.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The server's own beans reach each other through {@code @EJB}, never {@code @Inject}: on this
 * application server a CDI reference to an enterprise bean without a business interface throws and
 * catches an exception on every call to find the bean behind it, which took 5–6 % of the request and
 * worker threads' processor time (README, "Benchmark"). CDI beans and events stay {@code @Inject}.
 */
class EnterpriseBeanReferencesTest {

    @Test
    @DisplayName("No field injects an enterprise bean with @Inject; @EJB fields name enterprise beans")
    void enterpriseBeansAreReferencedWithEjb() throws Exception {
        List<String> injected = new ArrayList<>();
        int ejbFields = 0;
        for (Class<?> type : serverClasses()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class) && isEnterpriseBean(field.getType())) {
                    injected.add(type.getSimpleName() + "." + field.getName());
                }
                if (field.isAnnotationPresent(EJB.class)) {
                    ejbFields++;
                    assertTrue(isEnterpriseBean(field.getType()),
                            type.getSimpleName() + "." + field.getName() + " is @EJB but not an enterprise bean");
                }
            }
        }
        assertEquals(List.of(), injected, "enterprise beans injected with @Inject instead of @EJB");
        assertTrue(ejbFields > 50, "the scan found the server's classes (" + ejbFields + " @EJB fields)");
    }

    private static boolean isEnterpriseBean(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class);
    }

    /** Every class compiled from the server's main sources, found next to this package's own. */
    private static List<Class<?>> serverClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Ids.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        EnterpriseBeanReferencesTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
