package io.coralbank.web;

import org.springframework.http.MediaType;

/**
 * An error response in a dialect's own shape.
 *
 * @param status the HTTP status the dialect chose
 * @param contentType the media type of the body
 * @param body the object serialised as the response body
 */
public record RenderedError(int status, MediaType contentType, Object body) {}
