package cn.perf.web.account;

import cn.perf.domain.account.AccountCommands.ChangeAccount;
import cn.perf.domain.account.AccountCommands.OpenAccount;
import cn.perf.domain.account.AccountRow;
import cn.perf.domain.account.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** What the 新增用户 / 修改用户 form posts (never an entity). */
public class UserForm {

    private String username;
    private String displayName;
    private Long unitId;
    private List<Role> roles = new ArrayList<>();
    private String initialPassword;

    static UserForm of(AccountRow row) {
        UserForm form = new UserForm();
        form.username = row.username();
        form.displayName = row.displayName();
        form.unitId = row.unitId();
        form.roles = row.roles().stream().sorted().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        return form;
    }

    OpenAccount toOpenCommand() {
        return new OpenAccount(username == null ? null : username.strip(), displayName, unitId, roleSet(),
                initialPassword);
    }

    ChangeAccount toChangeCommand(Long id, long version) {
        return new ChangeAccount(id, version, displayName, unitId, roleSet());
    }

    private EnumSet<Role> roleSet() {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles;
    }

    public String getInitialPassword() {
        return initialPassword;
    }

    public void setInitialPassword(String initialPassword) {
        this.initialPassword = initialPassword;
    }
}
