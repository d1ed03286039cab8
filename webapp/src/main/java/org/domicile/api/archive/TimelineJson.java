package org.domicile.api.archive;

import java.util.List;
import org.domicile.archive.application.Timeline;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The chain's state, certified steps and evidence events of a correspondence. */
@Schema(name = "TimelineJson")
public record TimelineJson(String id, @Schema(description = "NONE, RUNNING, WAITING, DONE or STOPPED") String state,
                           String stopReason, List<Timeline.Step> steps, List<Timeline.Event> events) {

    static TimelineJson of(Timeline t) {
        return new TimelineJson(t.id(), t.state(), t.stopReason().orElse(null), t.steps(), t.events());
    }
}
