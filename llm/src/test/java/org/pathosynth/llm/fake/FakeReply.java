package org.pathosynth.llm.fake;

/** What the fake server answers: the text and whether it stopped normally or ran out of tokens. */
public record FakeReply(String text, boolean truncated) {
    public static FakeReply of(String text) {
        return new FakeReply(text, false);
    }
}
