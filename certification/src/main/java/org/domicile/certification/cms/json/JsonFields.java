package org.domicile.certification.cms.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict reading of one parsed JSON object: every field must be asked for with its type, and
 * {@link #end()} refuses any field that was not. Errors name the document and the field.
 *
 * <p>Not thread-safe; use one per object being read.
 */
public final class JsonFields {

    private final Map<String, Object> object;
    private final String what;
    private final Set<String> read = new LinkedHashSet<>();

    private JsonFields(Map<String, Object> object, String what) {
        this.object = object;
        this.what = what;
    }

    /**
     * @param object a parsed JSON object
     * @param what   the name of the document in error messages, e.g. "token"
     */
    public static JsonFields of(Map<String, Object> object, String what) {
        if (object == null || what == null) {
            throw new IllegalArgumentException("object and document name must not be null");
        }
        return new JsonFields(object, what);
    }

    /** Parses {@code json} and reads its top-level object. */
    public static JsonFields parse(byte[] json, String what) {
        return of(CanonicalJson.parse(json), what);
    }

    /** A string field, possibly "". */
    public String string(String name) {
        Object value = get(name);
        if (!(value instanceof String text)) {
            throw wrongType(name, "a string");
        }
        return text;
    }

    /** An instant field that must be present (not ""). */
    public Instant instant(String name) {
        try {
            return CanonicalJson.parseInstant(string(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": field \"" + name + "\": " + e.getMessage(), e);
        }
    }

    /** An instant field that may be "" (then null). */
    public Instant instantOrNull(String name) {
        String text = string(name);
        return text.isEmpty() ? null : instant(name);
    }

    /** An integer field. */
    public long integer(String name) {
        Object value = get(name);
        if (!(value instanceof Long number)) {
            throw wrongType(name, "an integer");
        }
        return number;
    }

    /** An array of strings. */
    public List<String> strings(String name) {
        List<?> items = array(name);
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw wrongType(name, "an array of strings");
            }
            strings.add(text);
        }
        return Collections.unmodifiableList(strings);
    }

    /** An object whose values are all strings, in its order of appearance. */
    public Map<String, String> stringMap(String name) {
        Object value = get(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(name, "an object");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof String text)) {
                throw wrongType(name, "an object of strings");
            }
            strings.put((String) entry.getKey(), text);
        }
        return Collections.unmodifiableMap(strings);
    }

    /** An array of objects, each to be read strictly in turn. */
    public List<JsonFields> objects(String name) {
        List<?> items = array(name);
        List<JsonFields> objects = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw wrongType(name, "an array of objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> element = (Map<String, Object>) map;
            objects.add(new JsonFields(element, what + "." + name + "[" + i + "]"));
        }
        return objects;
    }

    /**
     * Ends reading: every field of the object must have been read.
     *
     * @throws IllegalArgumentException naming the unknown fields
     */
    public void end() {
        Set<String> unknown = new LinkedHashSet<>(object.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + ": unknown field(s) " + unknown);
        }
    }

    private List<?> array(String name) {
        Object value = get(name);
        if (!(value instanceof List<?> items)) {
            throw wrongType(name, "an array");
        }
        return items;
    }

    private Object get(String name) {
        if (!object.containsKey(name)) {
            throw new IllegalArgumentException(what + ": missing field \"" + name + "\"");
        }
        read.add(name);
        return object.get(name);
    }

    private IllegalArgumentException wrongType(String name, String expected) {
        return new IllegalArgumentException(what + ": field \"" + name + "\" must be " + expected);
    }
}
