package org.domicile.certification.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects checks by section, so that they can be computed in whatever order the data needs and still be
 * reported in reading order (bundle, manifest, layout, CA, certificates, tokens, chain, evidence, content).
 */
final class CheckList {

    enum Section { BUNDLE, MANIFEST, LAYOUT, CA, CERTIFICATES, TOKENS, CHAIN, EVIDENCE, DIGESTS, CONTENT, INTERNAL }

    private record Entry(Section section, int sequence, Check check) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A subject whose failures are added one by one, and which is reported OK once if none was added. */
    final class Subject {
        private final Section section;
        private final String name;
        private boolean failed;

        private Subject(Section section, String name) {
            this.section = section;
            this.name = name;
        }

        void fail(String detail) {
            failed = true;
            add(section, new Check(name, false, detail));
        }

        boolean failed() {
            return failed;
        }

        /** Adds the OK line unless a failure was added; returns whether the subject passed. */
        boolean okUnlessFailed(String detail) {
            if (!failed) {
                add(section, new Check(name, true, detail));
            }
            return !failed;
        }
    }

    Subject subject(Section section, String name) {
        return new Subject(section, name);
    }

    void add(Section section, Check check) {
        entries.add(new Entry(section, entries.size(), check));
    }

    VerificationReport report() {
        return new VerificationReport(entries.stream()
                .sorted(Comparator.comparing(Entry::section).thenComparingInt(Entry::sequence))
                .map(Entry::check)
                .toList());
    }
}
