/**
 * The dialect framework, built once for every dialect: mounting each dialect's controllers under
 * its base path, request ids, the request-body limit, and turning every failure the HTTP layer can
 * produce (unknown path, wrong method, unreadable body, unsupported content type or Accept,
 * oversized body, unexpected exception) into a {@link io.coralbank.web.RequestFailure} that the
 * dialect renders in its own error shape.
 *
 * <p>It must not import a dialect (dialects register themselves as {@link
 * io.coralbank.web.DialectSurface} beans) and must not contain banking rules.
 */
package io.coralbank.web;
