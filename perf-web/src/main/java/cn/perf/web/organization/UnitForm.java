package cn.perf.web.organization;

import cn.perf.domain.organization.UnitCommand;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.organization.UnitRow;

/** What the 新增单位 / 修改单位 form posts (never an entity). */
public class UnitForm {

    private String code;
    private String name;
    private UnitKind kind;
    private Long parentId;
    private String region;

    static UnitForm of(UnitRow row) {
        UnitForm form = new UnitForm();
        form.code = row.code();
        form.name = row.name();
        form.kind = row.kind();
        form.parentId = row.parentId();
        form.region = row.region();
        return form;
    }

    UnitCommand toCommand(Long id, long version) {
        return new UnitCommand(id, version, code, name, kind, parentId, region);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UnitKind getKind() {
        return kind;
    }

    public void setKind(UnitKind kind) {
        this.kind = kind;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }
}
