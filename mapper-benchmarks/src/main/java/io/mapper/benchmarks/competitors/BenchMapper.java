package io.mapper.benchmarks.competitors;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Many;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Result;
import org.apache.ibatis.annotations.Results;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import io.mapper.benchmarks.model.ChildBean;
import io.mapper.benchmarks.model.ItemBean;
import io.mapper.benchmarks.model.ParentBean;

/** The MyBatis mapper interface of the suite (annotations, no XML). */
public interface BenchMapper {

    @Insert("INSERT INTO bench_insert (name, amount, note) VALUES (#{name}, #{amount}, #{note})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(ItemBean item);

    @Insert("INSERT INTO bench_insert_keyed (id, name, amount, note) VALUES (#{id}, #{name}, #{amount}, #{note})")
    int insertKeyed(ItemBean item);

    @Update("UPDATE bench_item SET amount = #{amount} WHERE id = #{id}")
    int updateAmount(@Param("id") long id, @Param("amount") int amount);

    @Select("SELECT id, name, amount, note FROM bench_item WHERE id <= #{limit}")
    @Options(fetchSize = 1000)
    List<ItemBean> itemsUpTo(@Param("limit") long limit);

    @Select("SELECT id, name, amount, note FROM bench_item")
    @Options(fetchSize = 1000)
    List<ItemBean> allItems();

    @Select("SELECT id, name, amount, note FROM bench_item WHERE id = #{id}")
    ItemBean item(@Param("id") long id);

    @Select("SELECT id, name FROM bench_parent")
    List<ParentBean> parents();

    @Select("<script>SELECT id, parent_id, name, amount FROM bench_child WHERE parent_id IN "
            + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<ChildBean> children(@Param("ids") List<Long> ids);

    /** The child columns of the join, for the nested collection of {@link #joined()}. */
    @Select("SELECT id AS c_id, parent_id AS c_parent_id, name AS c_name, amount AS c_amount FROM bench_child "
            + "WHERE 1 = 0")
    @Results(id = "joinedChild", value = {
        @Result(property = "id", column = "c_id", id = true),
        @Result(property = "parentId", column = "c_parent_id"),
        @Result(property = "name", column = "c_name"),
        @Result(property = "amount", column = "c_amount")})
    List<ChildBean> joinedChildShape();

    /** Parents with their children from one LEFT JOIN, through MyBatis's nested result map. */
    @Select("SELECT p.id AS p_id, p.name AS p_name, c.id AS c_id, c.parent_id AS c_parent_id, c.name AS c_name, "
            + "c.amount AS c_amount FROM bench_parent p LEFT JOIN bench_child c ON c.parent_id = p.id ORDER BY p.id")
    @Results(id = "joinedParent", value = {
        @Result(property = "id", column = "p_id", id = true),
        @Result(property = "name", column = "p_name"),
        @Result(property = "children", javaType = List.class, many = @Many(resultMap = "joinedChild"))})
    List<ParentBean> joined();
}
