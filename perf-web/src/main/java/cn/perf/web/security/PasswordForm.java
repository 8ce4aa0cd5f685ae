package cn.perf.web.security;

import cn.perf.domain.account.AccountSecurity.ChangeOwnPassword;

/** The password-change form; never re-rendered with its values. */
class PasswordForm {

    private String currentPassword;
    private String newPassword;
    private String repeatPassword;

    ChangeOwnPassword toCommand(String username) {
        return new ChangeOwnPassword(username, currentPassword, newPassword, repeatPassword);
    }

    void clear() {
        currentPassword = null;
        newPassword = null;
        repeatPassword = null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }

    @Override
    public String toString() {
        return "PasswordForm[***]";
    }
}
