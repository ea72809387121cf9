package org.gaitlens.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import org.gaitlens.store.RunStatus;

/**
 * The video review of a finished run: the recording (or its browser copy) streamed with byte ranges
 * ({@code GET /runs/{rid}/video}), what the page draws over it as JSON ({@code GET /runs/{rid}/review}, see
 * {@link RunReview}) and the overlay video made on request ({@code GET /runs/{rid}/overlay}, an attachment, or
 * inline with {@code ?inline=1}). Every route checks access like the run page.
 */
final class ReviewController {
    private final Access access;
    private final AuditTrail audit;
    private final RunReview reviews;
    private final VideoFiles videos;

    ReviewController(Access access, AuditTrail audit, RunReview reviews, VideoFiles videos) {
        this.access = access;
        this.audit = audit;
        this.reviews = reviews;
        this.videos = videos;
    }

    /** {@code GET /runs/{rid}/video}: audited once per viewing (the request without a range or from byte 0). */
    void video(Context ctx) throws IOException {
        Access.RunContext rc = access.run(ctx, ctx.pathParam("rid"));
        Path video = videos.playable(rc.recording()).orElseThrow(NotFound::new);
        String range = ctx.header("Range");
        if (range == null || range.startsWith("bytes=0-")) {
            audit.record(ctx, "view-video", access.rid(rc.run()), "");
        }
        RangedFile.send(ctx, video, VideoFiles.contentType(video), "inline");
    }

    /** {@code GET /runs/{rid}/review}. */
    void review(Context ctx) {
        Access.RunContext rc = finished(ctx);
        ctx.json(reviews.of(rc.run().id(), rc.run().settingsJson()));
    }

    /** {@code GET /runs/{rid}/overlay}. */
    void overlay(Context ctx) throws IOException {
        Access.RunContext rc = finished(ctx);
        Path overlay = videos.overlay(rc.run(), rc.recording());
        boolean inline = "1".equals(ctx.queryParam("inline"));
        audit.record(ctx, "download", access.rid(rc.run()), RunFiles.OVERLAY);
        RangedFile.send(ctx, overlay, "video/mp4", (inline ? "inline" : "attachment") + "; filename=\""
                + RunController.downloadName(rc, "overlay.mp4") + "\"");
    }

    private Access.RunContext finished(Context ctx) {
        Access.RunContext rc = access.run(ctx, ctx.pathParam("rid"));
        if (rc.run().status() != RunStatus.DONE) {
            throw new NotFound();
        }
        return rc;
    }
}
