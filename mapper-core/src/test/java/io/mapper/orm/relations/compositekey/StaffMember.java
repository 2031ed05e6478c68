package io.mapper.orm.relations.compositekey;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Table;

/**
 * An employee keyed by its company and its number in the company, reporting to another employee through a
 * composite self-referential foreign key (SQLAlchemy's CompositeSelfRefFKTest, with the manager's company in a
 * column of its own).
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {
    @Id @Column(name = "company_id") public Integer companyId;
    @Id @Column(name = "emp_id") public Integer empId;
    @Column(length = 30) public String name;

    @ManyToOne
    @JoinColumn(name = "reports_to_emp", referencedColumnName = "emp_id")
    @JoinColumn(name = "reports_to_company", referencedColumnName = "company_id")
    public StaffMember reportsTo;

    @OneToMany(mappedBy = "reportsTo", orderBy = "name")
    public List<StaffMember> reports = new ArrayList<>();

    StaffMember() {
    }

    public StaffMember(String name, int companyId, int empId, StaffMember reportsTo) {
        this.name = name;
        this.companyId = companyId;
        this.empId = empId;
        this.reportsTo = reportsTo;
        if (reportsTo != null) {
            reportsTo.reports.add(this);
        }
    }
}
