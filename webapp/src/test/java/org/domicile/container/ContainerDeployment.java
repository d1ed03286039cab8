package org.domicile.container;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment shape of the container tests: the WAR as built, plus this package (the
 * tests, their helpers and the {@link MovableTimeSource}). Every test class uses it, so each
 * class costs one server start and nothing else differs between them.
 */
final class ContainerDeployment {
    private ContainerDeployment() {
    }

    static WebArchive archive() {
        String war = System.getProperty("domicile.war");
        if (war == null || !new File(war).isFile()) {
            throw new IllegalStateException("System property domicile.war must name the built WAR (run after 'package'): "
                    + war);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war))
                .addPackage(ContainerDeployment.class.getPackage());
    }
}
