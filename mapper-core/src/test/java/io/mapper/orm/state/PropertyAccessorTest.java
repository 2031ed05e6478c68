package io.mapper.orm.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.mapping.EntityInstantiator;

class PropertyAccessorTest {

    public static class WithAccessors {
        private String name;
        private int calls;

        private WithAccessors() {
        }

        public String getName() {
            calls++;
            return name;
        }

        public void setName(String name) {
            calls++;
            this.name = name.trim();
        }
    }

    public static class Counter {
        private int count;
        private boolean active;

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    static class FieldsOnly {
        private Long id;
        private long count;
        private final String fixed = "x";

        private FieldsOnly() {
        }
    }

    class Inner {
    }

    /** As the build-time enhancer marks a class whose {@code count} accessors are plain and {@code name}'s are not. */
    @Enhanced(plain = {"count"})
    public static class Vouched {
        private int count;
        private String name;

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public String getName() {
            return name == null ? "" : name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** Overrides a getter its superclass's enhancer vouched for. */
    public static class Overriding extends Vouched {
        @Override
        public int getCount() {
            return super.getCount() + 1;
        }
    }

    @Test
    void publicAccessorsAreUsedWhenPresent() throws Exception {
        WithAccessors target = EntityInstantiator.of(WithAccessors.class).newInstance();
        PropertyAccessor name = PropertyAccessor.of(WithAccessors.class.getDeclaredField("name"));
        name.set(target, "  sandy ");
        assertThat(name.get(target)).isEqualTo("sandy");
        assertThat(target.calls).isEqualTo(2);
    }

    @Test
    void publicAccessorsAreBoundOnceAndTheMethodHandlesRemainTheFallback() throws Exception {
        for (boolean bind : new boolean[] {true, false}) {
            Counter target = new Counter();
            PropertyAccessor count = PropertyAccessor.of(Counter.class.getDeclaredField("count"), bind);
            PropertyAccessor active = PropertyAccessor.of(Counter.class.getDeclaredField("active"), bind);
            assertThat(count.bound()).isEqualTo(bind);
            count.set(target, 7);
            active.set(target, true);
            assertThat(target.getCount()).isEqualTo(7);
            assertThat(count.get(target)).isEqualTo(7);
            assertThat(active.get(target)).isEqualTo(true);
            // Bad values are refused the same way on both paths, naming the property.
            assertThatThrownBy(() -> count.set(target, "seven")).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("Counter.count");
            assertThatThrownBy(() -> count.set(target, null)).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("Counter.count").hasMessageContaining("wrapper type");
            assertThat(target.getCount()).isEqualTo(7);
        }
    }

    @Test
    void fieldsWithoutPublicAccessorsAreNotBound() throws Exception {
        assertThat(PropertyAccessor.of(FieldsOnly.class.getDeclaredField("id")).bound()).isFalse();
    }

    @Test
    void privateFieldsAreReadAndWrittenDirectly() throws Exception {
        FieldsOnly target = EntityInstantiator.of(FieldsOnly.class).newInstance();
        PropertyAccessor id = PropertyAccessor.of(FieldsOnly.class.getDeclaredField("id"));
        PropertyAccessor count = PropertyAccessor.of(FieldsOnly.class.getDeclaredField("count"));
        id.set(target, 42L);
        count.set(target, 7L);
        assertThat(target.id).isEqualTo(42L);
        assertThat(count.get(target)).isEqualTo(7L);
    }

    @Test
    void badUseNamesThePropertyAndTheFix() throws Exception {
        FieldsOnly target = EntityInstantiator.of(FieldsOnly.class).newInstance();
        PropertyAccessor count = PropertyAccessor.of(FieldsOnly.class.getDeclaredField("count"));
        PropertyAccessor id = PropertyAccessor.of(FieldsOnly.class.getDeclaredField("id"));
        assertThatThrownBy(() -> count.set(target, null)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("FieldsOnly.count").hasMessageContaining("wrapper type");
        assertThatThrownBy(() -> id.set(target, "not a long")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("FieldsOnly.id");
        assertThatThrownBy(() -> PropertyAccessor.of(FieldsOnly.class.getDeclaredField("fixed")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("final");
        assertThatThrownBy(() -> EntityInstantiator.of(Inner.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("inner class");
        assertThatThrownBy(() -> EntityInstantiator.of(List.class)).isInstanceOf(ArgumentException.class);
    }

    @Test
    void aGetterReturnsWhatItsSetterWasGivenOnlyWhereThatIsKnown() throws Exception {
        PropertyAccessor count = PropertyAccessor.of(Vouched.class.getDeclaredField("count"));
        assertThat(count.returnsWhatItIsGiven(Vouched.class)).as("plain accessors the enhancer vouched for").isTrue();
        assertThat(count.returnsWhatItIsGiven(Overriding.class)).as("a subclass overrides the getter").isFalse();
        assertThat(PropertyAccessor.of(Vouched.class.getDeclaredField("name")).returnsWhatItIsGiven(Vouched.class))
                .as("not vouched for: its getter turns a null into an empty string").isFalse();
        assertThat(PropertyAccessor.of(Counter.class.getDeclaredField("count")).returnsWhatItIsGiven(Counter.class))
                .as("plain, but no enhancer looked at it").isFalse();
        assertThat(PropertyAccessor.of(FieldsOnly.class.getDeclaredField("id")).returnsWhatItIsGiven(FieldsOnly.class))
                .as("the field itself").isTrue();
    }

    @Test
    void identityKeysCompareByTypeAndValue() {
        assertThat(new IdentityKey(FieldsOnly.class, 1L)).isEqualTo(new IdentityKey(FieldsOnly.class, 1L))
                .isNotEqualTo(new IdentityKey(WithAccessors.class, 1L));
        assertThat(new IdentityKey(FieldsOnly.class, List.of(1L, "a")).toString()).isEqualTo("FieldsOnly([1, a])");
        assertThatThrownBy(() -> new IdentityKey(FieldsOnly.class, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("FieldsOnly");
    }
}
