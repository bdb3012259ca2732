package io.tickscope.desktop.model;

import java.util.List;

/**
 * The server's answer to a rating upload.
 *
 * @param accepted ratings stored
 * @param rejected ratings rejected
 * @param rejections why, for at most the first 100: "rating #3, book B9999: book_id: ..."
 */
public record UploadSummary(long accepted, long rejected, List<String> rejections) {

    public UploadSummary {
        rejections = List.copyOf(rejections);
    }
}
