package org.accord.notify;

/** Whether one kind of notice also goes to one person by e-mail and by SMS. */
record ChannelChoice(boolean email, boolean sms) {

    /** Without a choice of their own, people get e-mail and no SMS. */
    static final ChannelChoice DEFAULT = new ChannelChoice(true, false);

    boolean wants(Channel channel) {
        return channel == Channel.EMAIL ? email : sms;
    }
}
