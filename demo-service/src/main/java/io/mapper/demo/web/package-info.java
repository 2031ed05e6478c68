/**
 * The REST API: JSON controllers over the services, and {@code ApiErrors}, which answers every failure with an RFC
 * 9457 {@code application/problem+json} body and the status a client can act on.
 */
@NullMarked
package io.mapper.demo.web;

import org.jspecify.annotations.NullMarked;
