package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A row of 项目实施进度计划 (national layout): 项目实施内容, 开始时间, 完成时间. */
@Entity
@Table(name = "declaration_milestone")
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "declaration_id", nullable = false)
    private Declaration declaration;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "content", nullable = false, length = 2000)
    private String content;

    @Column(name = "start_on")
    private LocalDate startOn;

    @Column(name = "end_on")
    private LocalDate endOn;

    protected Milestone() {
        // for JPA
    }

    Milestone(Declaration declaration, int position, String content, LocalDate startOn, LocalDate endOn) {
        this.declaration = declaration;
        this.position = position;
        this.content = Texts.require(content, "项目实施内容", 2000);
        if (startOn != null && endOn != null && endOn.isBefore(startOn)) {
            throw new IllegalArgumentException("实施进度“" + this.content + "”的完成时间 " + endOn + " 早于开始时间 " + startOn);
        }
        this.startOn = startOn;
        this.endOn = endOn;
    }

    void revise(String newContent, LocalDate newStart, LocalDate newEnd) {
        String c = Texts.require(newContent, "项目实施内容", 2000);
        if (newStart != null && newEnd != null && newEnd.isBefore(newStart)) {
            throw new IllegalArgumentException("实施进度“" + c + "”的完成时间 " + newEnd + " 早于开始时间 " + newStart);
        }
        this.content = c;
        this.startOn = newStart;
        this.endOn = newEnd;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String content() {
        return content;
    }

    public LocalDate startOn() {
        return startOn;
    }

    public LocalDate endOn() {
        return endOn;
    }
}
