package org.domicile.web.faces;

import java.util.ListResourceBundle;

/**
 * Replaces the few built-in JSF messages a tampered or odd request can still reach (the services
 * validate everything else): plain sentences naming the field by its label, no component ids.
 * Declared as the message bundle in faces-config.xml.
 */
public class JsfMessages extends ListResourceBundle {

    private static final String CHOOSE = "{0}: choose one of the listed values.";
    private static final String INVALID = "{0}: this value is not valid.";

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"jakarta.faces.component.UISelectOne.INVALID", CHOOSE},
            {"jakarta.faces.component.UISelectOne.INVALID_detail", CHOOSE},
            {"jakarta.faces.component.UIInput.CONVERSION", INVALID},
            {"jakarta.faces.component.UIInput.CONVERSION_detail", INVALID},
            {"jakarta.faces.component.UIInput.REQUIRED", "{0}: please fill this in."},
            {"jakarta.faces.component.UIInput.REQUIRED_detail", "{0}: please fill this in."},
        };
    }
}
