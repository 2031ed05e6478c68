package io.mapper.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.mapper.demo.domain.Review;
import io.mapper.demo.domain.Review_;
import io.mapper.spring.boot.autoconfigure.SessionFactoryCustomizer;

/**
 * Review moderation as a global filter (SQLAlchemy's {@code with_loader_criteria}, Hibernate's {@code @Filter}):
 * every query and relationship load of reviews gets {@code review.hidden = false}, so a hidden review disappears from
 * the shop without a WHERE in each service. A moderator's session switches it off ({@code disableFilter}).
 */
@Configuration(proxyBeanMethods = false)
class ModerationConfiguration {

    @Bean
    SessionFactoryCustomizer visibleReviewsFilter() {
        return builder -> builder.filter(Review.VISIBLE, Review.class, Review_.hidden.eq(false));
    }
}
