package cn.perf.web.apitoken;

/** The new-token form: a name and the validity in days (default 90). */
public class ApiTokenForm {

    private String name;
    private Integer validDays = 90;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getValidDays() {
        return validDays;
    }

    public void setValidDays(Integer validDays) {
        this.validDays = validDays;
    }
}
