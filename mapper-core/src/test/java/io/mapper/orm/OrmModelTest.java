package io.mapper.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Engine;
import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.relations.Item;
import io.mapper.orm.relations.Label;
import io.mapper.orm.relations.Mail;
import io.mapper.orm.relations.Owner;
import io.mapper.orm.scenarios.Citizen;
import io.mapper.orm.scenarios.Passport;
import io.mapper.types.Types;

/** {@link SessionFactory#model()} describes the mapping without exposing {@code orm.mapping}; no database. */
class OrmModelTest {

    // Building a factory maps the classes; nothing connects until a session runs a statement.
    private final Engine engine = Engine.builder(() -> {
        throw new AssertionError("the model is built without a database");
    }).build();

    private final OrmModel model = SessionFactory.builder(engine)
            .entities(Owner.class, Mail.class, Item.class, Label.class).build().model();

    @Test
    void listsEveryEntitySortedByName() {
        assertThat(model.entities()).extracting(OrmModel.Entity::name).containsExactly("Item", "Label", "Mail", "Owner");
        assertThat(model.entity("Owner")).isEqualTo(model.entity(Owner.class));
    }

    @Test
    void describesPropertiesAndTheirColumns() {
        OrmModel.Entity owner = model.entity(Owner.class).orElseThrow();
        assertThat(owner.table()).isEqualTo("owner");
        assertThat(owner.schema()).isNull();
        assertThat(owner.primaryKey()).extracting(OrmModel.Property::name).containsExactly("id");
        OrmModel.Property name = owner.properties().stream().filter(p -> p.name().equals("name")).findFirst()
                .orElseThrow();
        assertThat(name).isEqualTo(new OrmModel.Property("name", "name", Types.string(30), String.class, false, false,
                false));
    }

    @Test
    void describesRelationshipsOnBothSides() {
        OrmModel.Relationship mails = model.entity(Owner.class).orElseThrow().relationships().get(0);
        assertThat(mails.name()).isEqualTo("mails");
        assertThat(mails.kind()).isEqualTo(OrmModel.RelationshipKind.ONE_TO_MANY);
        assertThat(mails.target()).isEqualTo("Mail");
        assertThat(mails.targetType()).isEqualTo(Mail.class);
        assertThat(mails.mappedBy()).isEqualTo("owner");
        assertThat(mails.cascades()).containsExactlyInAnyOrder(Cascade.ALL, Cascade.SAVE_UPDATE, Cascade.MERGE,
                Cascade.DELETE, Cascade.REFRESH_EXPUNGE, Cascade.DELETE_ORPHAN);
        assertThat(mails.fetch()).isNotEqualTo(FetchStrategy.DEFAULT);

        OrmModel.Relationship owner = model.entity(Mail.class).orElseThrow().relationships().get(0);
        assertThat(owner.kind()).isEqualTo(OrmModel.RelationshipKind.MANY_TO_ONE);
        assertThat(owner.mappedBy()).isNull();
        assertThat(owner.cascades()).isEqualTo(Set.of(Cascade.SAVE_UPDATE)); // a many-to-one's default (no MERGE)

        assertThat(model.entity(Item.class).orElseThrow().relationships())
                .extracting(OrmModel.Relationship::kind).containsExactly(OrmModel.RelationshipKind.MANY_TO_MANY);
    }

    @Test
    void describesAOneToOneAsOneOnBothSides() {
        // The mapping implements it as a many-to-one over a unique key and a single-valued one-to-many.
        OrmModel oneToOne = SessionFactory.builder(engine).entities(Citizen.class, Passport.class).build().model();
        assertThat(oneToOne.entity(Passport.class).orElseThrow().relationships())
                .extracting(OrmModel.Relationship::name, OrmModel.Relationship::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("citizen", OrmModel.RelationshipKind.ONE_TO_ONE));
        assertThat(oneToOne.entity(Citizen.class).orElseThrow().relationships())
                .extracting(OrmModel.Relationship::name, OrmModel.Relationship::kind, OrmModel.Relationship::mappedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("passport", OrmModel.RelationshipKind.ONE_TO_ONE,
                        "citizen"));
    }
}
