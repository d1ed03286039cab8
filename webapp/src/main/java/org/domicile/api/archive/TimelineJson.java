package org.domicile.api.archive;

import java.util.List;
import org.domicile.archive.application.Timeline;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The chain's state, certified steps and evidence events of a correspondence. */
@Schema(name = "TimelineJson")
public record TimelineJson(String id, @Schema(description = "NONE, RUNNING, WAITING, DONE or STOPPED") String state,
                           String stopReason,
                           @Schema(description = "While a step that failed for a passing reason is tried again:"
                                   + " the step, the failed tries and the next try; absent otherwise") Timeline.Delay delay,
                           List<Timeline.Step> steps, List<Timeline.Event> events) {

    static TimelineJson of(Timeline t) {
        return new TimelineJson(t.id(), t.state(), t.stopReason().orElse(null), t.delay().orElse(null), t.steps(),
                t.events());
    }
}
