package org.accord.supervision;

/** The three timers every task gets, each a db-scheduler one-time task whose instance id is the task id. */
enum TimerKind {
    /** N working days before the deadline, to the lead unit's liaisons. */
    REMIND("supervision-remind", "supervision.remind"),
    /** At the close of the deadline day, to the lead unit's liaisons. */
    OVERDUE("supervision-overdue", "supervision.overdue"),
    /** M working days after the deadline, to the leader overseeing the lead unit. */
    ESCALATE("supervision-escalate", "supervision.escalate");

    private final String taskName;
    private final String noticeKind;

    TimerKind(String taskName, String noticeKind) {
        this.taskName = taskName;
        this.noticeKind = noticeKind;
    }

    String taskName() {
        return taskName;
    }

    String noticeKind() {
        return noticeKind;
    }
}
