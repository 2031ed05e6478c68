package io.mapper.demo.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import org.apache.catalina.core.StandardHost;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Input is taken exactly as sent or refused with a 400, never altered:
 * <ul>
 * <li>JSON: a number is never truncated ({@code 1.9} for an integer), a string never read as a number ({@code "2"}),
 * a number or boolean never as a string; text with a NUL character or an unpaired surrogate ({@code "\ud800"}) is
 * refused, since no database column stores it as sent.</li>
 * <li>Path ids and numeric query parameters are plain decimal digits ({@link StrictNumbers}): no {@code 0x10}, no
 * blanks, no signs.</li>
 * <li>{@link StrictRequestFilter}: no {@code ;} path parameters, no malformed or non-UTF-8 percent-escapes anywhere in
 * the URL, a body that is valid UTF-8 (overlong forms such as {@code C0 AF} included).</li>
 * <li>Errors the container answers itself (a malformed URL, for instance) are problem+json too
 * ({@link ProblemErrorReportValve}, {@link ProblemErrorController}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictInput {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-strings").addDeserializer(String.class, new StrictStrings()));
    }

    @Bean
    FilterRegistrationBean<StrictRequestFilter> strictRequestFilter() {
        FilterRegistrationBean<StrictRequestFilter> registration = new FilterRegistrationBean<>(
                new StrictRequestFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Strings exactly as sent: only JSON strings, without NUL or unpaired surrogates. */
    static final class StrictStrings extends StdScalarDeserializer<String> {

        StrictStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            String problem = TextChecks.problem(text);
            if (problem != null) {
                throw context.weirdStringException("", String.class, problem);
            }
            return text;
        }
    }
}
