package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoCompleteness;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoInfo;
import org.gaitlens.video.VideoProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video upload read from a multipart request ({@code video}, {@code session_date}, {@code label}, {@code view}):
 * one to {@value #MAX_FILES} {@code video} parts, the clips of one session. Streamed to files in the data folder
 * (never held in memory) and cut off as soon as a video passes the limit (413), the fields checked (400), then each
 * video stored under a random name and checked by content: FFmpeg must open it as a video, not a still image,
 * decode its first frame and find a frame near its stated end (415). Every refusal is a {@link Refused} with a
 * message for the user; one bad file refuses the whole upload.
 *
 * <p>Closing it deletes the stored videos and the request's temporary parts, except those {@link #keep} was called
 * for: a refused or not needed upload leaves no file behind.
 */
final class UploadForm implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadForm.class);
    /** Room for the form fields and multipart headers beside the video. */
    static final long FORM_OVERHEAD_BYTES = 1024 * 1024;
    /** The request attribute where Jetty looks for the multipart settings. */
    private static final String MULTIPART_CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";
    private static final Set<String> VIEWS = Set.of("sagittal", "frontal", "unknown");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "avi", "webm", "3gp");
    /** Most clips one upload may hold (a session filmed as several short passes). */
    static final int MAX_FILES = 10;

    private Collection<Part> parts = List.of();
    private List<Part> videos = List.of();
    private final List<Path> files = new ArrayList<>();
    private final List<VideoInfo> infos = new ArrayList<>();
    private final Set<Path> kept = new HashSet<>();
    private LocalDate date;
    private String label;
    private String view;

    private UploadForm() {
    }

    /**
     * Reads and checks the upload.
     *
     * @param maxUploadBytes largest accepted video
     * @param incomingDir    where the parts stream to
     * @param uploadsDir     where the video is stored
     * @throws Refused when the request is too large, not a form upload, has a bad field or no readable video
     */
    static UploadForm read(Context ctx, long maxUploadBytes, Path incomingDir, Path uploadsDir) throws IOException {
        UploadForm form = new UploadForm();
        try {
            form.readParts(ctx, maxUploadBytes, incomingDir);
            form.readFields(ctx);
            Files.createDirectories(uploadsDir);
            for (Part video : form.videos) {
                // The file's name is used for nothing but a hint to the decoder; the content decides.
                String ext = extension(video.getSubmittedFileName());
                // 72 random bits: unique, and short enough for the report header that shows the file name.
                Path file = uploadsDir.resolve("video-" + SessionTokens.randomToken().substring(0, 12) + "." + ext);
                form.files.add(file);
                video.write(file.toString());
                form.infos.add(checkVideo(file));
            }
            return form;
        } catch (RuntimeException | IOException e) {
            form.close();
            throw e;
        }
    }

    private void readParts(Context ctx, long maxUploadBytes, Path incomingDir) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxUploadBytes * MAX_FILES + FORM_OVERHEAD_BYTES) {
            throw new Refused(HttpStatus.CONTENT_TOO_LARGE, tooLarge(maxUploadBytes));
        }
        if (!ctx.isMultipartFormData()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "Send the video as a form upload (multipart/form-data).");
        }
        // Parts stream to files in the data folder (threshold 0: never held in memory); Jetty stops reading
        // as soon as the video passes the limit.
        ctx.req().setAttribute(MULTIPART_CONFIG_ATTRIBUTE, new MultipartConfigElement(incomingDir.toString(),
                maxUploadBytes, maxUploadBytes * MAX_FILES + FORM_OVERHEAD_BYTES, 0));
        try {
            parts = ctx.req().getParts();
        } catch (IllegalStateException | IOException | jakarta.servlet.ServletException
                | org.eclipse.jetty.http.HttpException.RuntimeException e) {
            if (!sizeRelated(e)) {
                LOG.warn("upload could not be read", e);
            }
            throw sizeRelated(e) ? new Refused(HttpStatus.CONTENT_TOO_LARGE, tooLarge(maxUploadBytes))
                    : new Refused(HttpStatus.BAD_REQUEST, "The upload could not be read; try again.");
        }
        videos = parts.stream().filter(x -> "video".equals(x.getName())).toList();
        if (videos.isEmpty() || videos.stream().anyMatch(v -> v.getSize() == 0)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "Choose a video file to upload.");
        }
        if (videos.size() > MAX_FILES) {
            throw new Refused(HttpStatus.BAD_REQUEST, "Upload at most " + MAX_FILES + " videos at once.");
        }
        if (videos.stream().anyMatch(v -> v.getSize() > maxUploadBytes)) {
            throw new Refused(HttpStatus.CONTENT_TOO_LARGE, tooLarge(maxUploadBytes));
        }
    }

    private void readFields(Context ctx) throws IOException {
        try {
            date = LocalDate.parse(field(ctx, "session_date"));
        } catch (DateTimeParseException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "Session date must be a date (YYYY-MM-DD).");
        }
        label = field(ctx, "label").trim();
        if (label.isEmpty() || label.length() > 200) {
            throw new Refused(HttpStatus.BAD_REQUEST, "Give the session a label of 1 to 200 characters, e.g. baseline.");
        }
        view = field(ctx, "view");
        if (!VIEWS.contains(view)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "Camera view must be sagittal, frontal or unknown.");
        }
    }

    /** The stored videos (under random names in the uploads folder), in the order uploaded. */
    List<Path> files() {
        return List.copyOf(files);
    }

    /** The videos' size as uploaded, together. */
    long sizeBytes() {
        return videos.stream().mapToLong(Part::getSize).sum();
    }

    /** The name the browser gave a stored video (for messages only), else its stored name. */
    String submittedName(Path file) {
        int i = files.indexOf(file);
        String name = i < 0 ? null : videos.get(i).getSubmittedFileName();
        return name == null || name.isBlank() ? file.getFileName().toString() : Path.of(name).getFileName().toString();
    }

    LocalDate sessionDate() {
        return date;
    }

    String label() {
        return label;
    }

    /** {@code sagittal}, {@code frontal} or {@code unknown}. */
    String view() {
        return view;
    }

    /** What the container says about a stored video. */
    VideoInfo info(Path file) {
        return infos.get(files.indexOf(file));
    }

    /** Keeps a stored video when closed (it became a recording). */
    void keep(Path file) {
        kept.add(file);
    }

    /** Deletes the stored videos not kept, and the request's temporary parts. */
    @Override
    public void close() {
        for (Path file : files) {
            if (kept.contains(file)) {
                continue;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete rejected upload {}: {}", file, e.toString());
            }
        }
        for (Part part : parts) {
            int i = videos.indexOf(part);
            if (i >= 0 && i < files.size() && kept.contains(files.get(i))) {
                // Jetty moved the part's file to its final place; deleting the part would delete the video.
                continue;
            }
            try {
                part.delete();
            } catch (IOException e) {
                LOG.warn("could not delete upload part: {}", e.toString());
            }
        }
    }

    static String tooLarge(long maxUploadBytes) {
        return "The video is larger than the limit of " + Pages.humanBytes(maxUploadBytes)
                + ". Trim the recording to the walking part, or ask the administrator to raise --max-upload-mb.";
    }

    private static boolean sizeRelated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceed") || m.contains("too large") || m.contains("max") || m.contains("413")) {
                return true;
            }
        }
        return false;
    }

    private static String field(Context ctx, String name) throws IOException {
        try {
            Part part = ctx.req().getPart(name);
            if (part == null) {
                return "";
            }
            if (part.getSize() > 10_000) {
                throw new Refused(HttpStatus.BAD_REQUEST, "Form field " + name + " is too long.");
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "mp4";
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return VIDEO_EXTENSIONS.contains(ext) ? ext : "mp4";
    }

    /** Refusal of a still image (a photo renamed to .mp4). */
    static final String STILL_IMAGE = "The file is a still image, not a video. Choose the video of the walk (for "
            + "example the MP4 from the phone or camera).";
    /** Refusal of a video whose end is missing. */
    static final String TRUNCATED = "The video file is incomplete: it stops before its end, as when copying or "
            + "sending it was cut off. Copy the video from the phone or camera again and upload the new copy.";

    /**
     * The content check: FFmpeg must find a video stream (not a still image), decode its first frame, and find a
     * frame near the end the container states (a file cut off midway has none).
     */
    private static VideoInfo checkVideo(Path file) {
        try {
            VideoInfo info = VideoProbe.probe(file);
            if (VideoCompleteness.isStillImage(info)) {
                throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, STILL_IMAGE);
            }
            try (FfmpegVideoSource src = FfmpegVideoSource.open(file)) {
                Optional<VideoFrame> first = src.next();
                if (first.isEmpty()) {
                    throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "The file is not a video gaitlens can read: it has no frames. "
                                    + "Export the recording as MP4 (H.264) and try again.");
                }
                first.get().close();
            }
            if (VideoCompleteness.endsEarly(file, info)) {
                throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, TRUNCATED);
            }
            return info;
        } catch (GaitlensException e) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The file is not a video gaitlens can read "
                    + "(it could not be decoded). Export the recording as MP4 (H.264) and try again.");
        }
    }
}
