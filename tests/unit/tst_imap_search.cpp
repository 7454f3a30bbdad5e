// IMAP SEARCH criteria from command-line words (RFC 9051 §6.4.4, RFC 3501 §6.4.4):
// the exact arguments sent after "UID SEARCH", literals for 8-bit text, CHARSET and
// RETURN placement (RFC 4731 §3, RFC 6855 §3), and the messages for bad criteria.
#include "protocols/imap/SearchQuery.h"

#include <QTest>

using namespace Satchel::Imap;

namespace {
// One argv entry per "|"-separated piece, so rows stay one line: "FROM|x".
QStringList words(const char *utf8)
{
    return QString::fromUtf8(utf8).split(u'|');
}
} // namespace

class TestImapSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_data();
    void build();
    void command_data();
    void command();
    void errors_data();
    void errors();
    void deepNesting();
};

void TestImapSearch::build_data()
{
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<QByteArray>("display");
    QTest::addColumn<QList<QByteArray>>("literals");
    QTest::addColumn<bool>("needsUtf8");
    const QList<QByteArray> none;

    QTest::newRow("one flag key") << words("UNSEEN") << QByteArray("UNSEEN") << none << false;
    QTest::newRow("keys are case-insensitive")
        << words("unseen|Flagged") << QByteArray("UNSEEN FLAGGED") << none << false;
    QTest::newRow("every no-argument key")
        << words("ALL|ANSWERED|DELETED|DRAFT|FLAGGED|NEW|OLD|RECENT|SEEN|UNANSWERED|UNDELETED|UNDRAFT|UNFLAGGED|UNSEEN")
        << QByteArray("ALL ANSWERED DELETED DRAFT FLAGGED NEW OLD RECENT SEEN UNANSWERED UNDELETED UNDRAFT UNFLAGGED "
                      "UNSEEN")
        << none << false;
    QTest::newRow("from") << words("FROM|x") << QByteArray("FROM \"x\"") << none << false;
    QTest::newRow("every text key") << words("BCC|a|BODY|b|CC|c|FROM|d|SUBJECT|e|TEXT|f|TO|g")
                                    << QByteArray(R"(BCC "a" BODY "b" CC "c" FROM "d" SUBJECT "e" TEXT "f" TO "g")")
                                    << none << false;
    QTest::newRow("text with spaces and quotes")
        << words(R"(subject|say "hi" \o/)") << QByteArray(R"(SUBJECT "say \"hi\" \\o/")") << none << false;
    QTest::newRow("text that looks like a key") << words("FROM|SEEN") << QByteArray("FROM \"SEEN\"") << none << false;
    QTest::newRow("text that looks like NIL") << words("TO|NIL") << QByteArray("TO \"NIL\"") << none << false;
    QTest::newRow("non-ascii text is a literal")
        << words("SUBJECT|héllo wörld") << QByteArray("SUBJECT {13}")
        << QList<QByteArray> { QByteArray("h\xc3\xa9llo w\xc3\xb6rld") } << true;
    QTest::newRow("two literals") << words("FROM|Jürgen|TO|Zoë") << QByteArray("FROM {7} TO {4}")
                                  << QList<QByteArray> { QByteArray("J\xc3\xbcrgen"), QByteArray("Zo\xc3\xab") }
                                  << true;
    const QStringList mixed = words("UNSEEN|FROM|x|SUBJECT|héllo wörld|SINCE|1-Jan-2026|OR|SEEN|FLAGGED|NOT|DELETED");
    const QByteArray mixedWire("UNSEEN FROM \"x\" SUBJECT {13} SINCE 1-Jan-2026 OR SEEN FLAGGED NOT DELETED");
    QTest::newRow("mixed criteria") << mixed << mixedWire
                                    << QList<QByteArray> { QByteArray("h\xc3\xa9llo w\xc3\xb6rld") } << true;
    QTest::newRow("header") << words("HEADER|X-Mailer|Thunderbird") << QByteArray(R"(HEADER "X-Mailer" "Thunderbird")")
                            << none << false;
    QTest::newRow("header presence with empty text")
        << words("HEADER|List-Id|") << QByteArray(R"(HEADER "List-Id" "")") << none << false;
    QTest::newRow("header non-ascii text") << words("header|X-Label|ärger") << QByteArray(R"(HEADER "X-Label" {6})")
                                           << QList<QByteArray> { QByteArray("\xc3\xa4rger") } << true;
    QTest::newRow("keyword") << words("KEYWORD|$Forwarded") << QByteArray("KEYWORD $Forwarded") << none << false;
    QTest::newRow("unkeyword") << words("unkeyword|$Junk") << QByteArray("UNKEYWORD $Junk") << none << false;
    QTest::newRow("since normalised") << words("since|01-jan-2026") << QByteArray("SINCE 1-Jan-2026") << none << false;
    QTest::newRow("before upper-case month")
        << words("BEFORE|15-FEB-2026") << QByteArray("BEFORE 15-Feb-2026") << none << false;
    QTest::newRow("on leap day") << words("ON|29-Feb-2024") << QByteArray("ON 29-Feb-2024") << none << false;
    QTest::newRow("sent dates") << words("SENTBEFORE|1-Dec-2025|SENTON|2-Nov-2025|SENTSINCE|3-Oct-2025")
                                << QByteArray("SENTBEFORE 1-Dec-2025 SENTON 2-Nov-2025 SENTSINCE 3-Oct-2025") << none
                                << false;
    QTest::newRow("larger") << words("LARGER|100000") << QByteArray("LARGER 100000") << none << false;
    QTest::newRow("smaller zero, leading zeros") << words("smaller|007") << QByteArray("SMALLER 7") << none << false;
    QTest::newRow("larger than 4 GiB is number64")
        << words("LARGER|5000000000") << QByteArray("LARGER 5000000000") << none << false;
    QTest::newRow("uid set") << words("UID|1:100,200,5:*") << QByteArray("UID 1:100,200,5:*") << none << false;
    QTest::newRow("uid star") << words("uid|*") << QByteArray("UID *") << none << false;
    QTest::newRow("uid max") << words("UID|4294967295") << QByteArray("UID 4294967295") << none << false;
    QTest::newRow("bare sequence set") << words("1:10") << QByteArray("1:10") << none << false;
    QTest::newRow("bare sequence set list") << words("2,4:*|SEEN") << QByteArray("2,4:* SEEN") << none << false;
    QTest::newRow("bare star") << words("*") << QByteArray("*") << none << false;
    QTest::newRow("modseq") << words("MODSEQ|720162338") << QByteArray("MODSEQ 720162338") << none << false;
    QTest::newRow("modseq zero") << words("modseq|0") << QByteArray("MODSEQ 0") << none << false;
    QTest::newRow("older") << words("OLDER|3600") << QByteArray("OLDER 3600") << none << false;
    QTest::newRow("younger") << words("younger|60") << QByteArray("YOUNGER 60") << none << false;
    QTest::newRow("not") << words("NOT|DELETED") << QByteArray("NOT DELETED") << none << false;
    QTest::newRow("not not") << words("not|not|seen") << QByteArray("NOT NOT SEEN") << none << false;
    QTest::newRow("or") << words("OR|SEEN|FLAGGED") << QByteArray("OR SEEN FLAGGED") << none << false;
    QTest::newRow("or chain") << words("OR|FROM|alice|OR|FROM|bob|FROM|carol")
                              << QByteArray(R"(OR FROM "alice" OR FROM "bob" FROM "carol")") << none << false;
    QTest::newRow("or of not") << words("OR|NOT|SEEN|FROM|Jürgen") << QByteArray("OR NOT SEEN FROM {7}")
                               << QList<QByteArray> { QByteArray("J\xc3\xbcrgen") } << true;
    QTest::newRow("group") << words("(|FROM|x|SEEN|)|DELETED") << QByteArray(R"((FROM "x" SEEN) DELETED)") << none
                           << false;
    QTest::newRow("or of groups") << words("OR|(|FROM|a|TO|b|)|(|SEEN|)")
                                  << QByteArray(R"(OR (FROM "a" TO "b") (SEEN))") << none << false;
    QTest::newRow("nested groups") << words("(|(|SEEN|)|)") << QByteArray("((SEEN))") << none << false;
    QTest::newRow("glued parens on keys")
        << words("(FROM|x|SEEN)") << QByteArray(R"((FROM "x" SEEN))") << none << false;
    QTest::newRow("glued double parens") << words("((SEEN|FLAGGED))|DELETED") << QByteArray("((SEEN FLAGGED)) DELETED")
                                         << none << false;
    QTest::newRow("glued paren on date") << words("(SINCE|1-Jan-2026)") << QByteArray("(SINCE 1-Jan-2026)") << none
                                         << false;
    QTest::newRow("glued paren on uid set")
        << words("OR|(UID|1:5)|SEEN") << QByteArray("OR (UID 1:5) SEEN") << none << false;
    QTest::newRow("parens inside text stay")
        << words("(SUBJECT|(draft)|)") << QByteArray(R"x((SUBJECT "(draft)"))x") << none << false;
    QTest::newRow("lone paren as text") << words("FROM|)") << QByteArray("FROM \")\"") << none << false;
}

void TestImapSearch::build()
{
    QFETCH(QStringList, tokens);
    QFETCH(QByteArray, display);
    QFETCH(QList<QByteArray>, literals);
    QFETCH(bool, needsUtf8);
    QString error = QStringLiteral("stale");
    const std::optional<SearchQuery> query = buildSearchQuery(tokens, &error);
    QVERIFY2(query.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(query->args.display(), display);
    QCOMPARE(query->args.literals(), literals);
    QCOMPARE(query->needsUtf8, needsUtf8);
}

void TestImapSearch::command_data()
{
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<bool>("utf8Accepted");
    QTest::addColumn<bool>("returnAll");
    QTest::addColumn<QByteArray>("display");
    const QByteArray utf8Text("h\xc3\xa9llo");

    QTest::newRow("ascii: no charset") << words("FROM|x") << false << false << QByteArray("FROM \"x\"");
    QTest::newRow("ascii, utf8=accept") << words("FROM|x") << true << false << QByteArray("FROM \"x\"");
    QTest::newRow("utf-8 needs charset") << words("SUBJECT|héllo") << false << false
                                         << QByteArray("CHARSET UTF-8 SUBJECT {6}");
    QTest::newRow("utf8=accept: no charset") << words("SUBJECT|héllo") << true << false << QByteArray("SUBJECT {6}");
    QTest::newRow("esearch ascii") << words("UNSEEN") << false << true << QByteArray("RETURN (ALL) UNSEEN");
    QTest::newRow("esearch before charset")
        << words("SUBJECT|héllo") << false << true << QByteArray("RETURN (ALL) CHARSET UTF-8 SUBJECT {6}");
    QTest::newRow("esearch, utf8=accept")
        << words("SUBJECT|héllo") << true << true << QByteArray("RETURN (ALL) SUBJECT {6}");
    QTest::newRow("group first after charset")
        << words("(SUBJECT|héllo|)") << false << false << QByteArray("CHARSET UTF-8 (SUBJECT {6})");
}

void TestImapSearch::command()
{
    QFETCH(QStringList, tokens);
    QFETCH(bool, utf8Accepted);
    QFETCH(bool, returnAll);
    QFETCH(QByteArray, display);
    QString error;
    const std::optional<SearchQuery> query = buildSearchQuery(tokens, &error);
    QVERIFY2(query.has_value(), qPrintable(error));
    const CommandArgs args = searchCommandArgs(*query, utf8Accepted, returnAll);
    QCOMPARE(args.display(), display);
    // The literals travel unchanged behind the prefix.
    QCOMPARE(args.literals(), query->args.literals());
    QCOMPARE(args.texts().size(), args.literals().size() + 1);
}

void TestImapSearch::errors_data()
{
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<QString>("mentions"); // the message must contain this

    QTest::newRow("no criteria") << QStringList() << QStringLiteral("no search criteria");
    QTest::newRow("empty key") << words("") << QStringLiteral("empty");
    QTest::newRow("empty key after valid one") << words("SEEN|") << QStringLiteral("empty");
    QTest::newRow("unknown key") << words("FOO") << QStringLiteral("unknown search key 'FOO'");
    QTest::newRow("unknown key keeps spelling") << words("SEEN|sEeNn") << QStringLiteral("'sEeNn'");
    QTest::newRow("non-ascii look-alike key") << words("ſEEN") << QStringLiteral("unknown search key");
    QTest::newRow("from without text") << words("FROM") << QStringLiteral("FROM needs text");
    QTest::newRow("from with empty text") << words("from|") << QStringLiteral("FROM needs text");
    QTest::newRow("subject with NUL") << QStringList { QStringLiteral("SUBJECT"), QString(QChar(0)) }
                                      << QStringLiteral("SUBJECT text must not contain a NUL");
    QTest::newRow("header without text") << words("HEADER|X-Foo") << QStringLiteral("HEADER needs");
    QTest::newRow("header field with space")
        << words("HEADER|X Foo|v") << QStringLiteral("HEADER needs a header field");
    QTest::newRow("header field with colon") << words("HEADER|Subject:|v") << QStringLiteral("'Subject:'");
    QTest::newRow("keyword missing") << words("UNKEYWORD") << QStringLiteral("UNKEYWORD needs a keyword");
    QTest::newRow("keyword system flag") << words("KEYWORD|\\Seen") << QStringLiteral("system flags");
    QTest::newRow("keyword with space") << words("KEYWORD|a b") << QStringLiteral("KEYWORD needs a keyword");
    QTest::newRow("keyword non-ascii") << words("KEYWORD|ärger") << QStringLiteral("KEYWORD needs a keyword");
    QTest::newRow("since missing") << words("SINCE") << QStringLiteral("SINCE needs a date like 1-Jan-2026");
    QTest::newRow("since iso date") << words("SINCE|2026-01-01") << QStringLiteral("not '2026-01-01'");
    QTest::newRow("before bad month") << words("BEFORE|1-Foo-2026") << QStringLiteral("BEFORE needs a date");
    QTest::newRow("on impossible day") << words("ON|31-Feb-2026") << QStringLiteral("ON needs a date");
    QTest::newRow("on not a leap year") << words("ON|29-Feb-2025") << QStringLiteral("ON needs a date");
    QTest::newRow("sentsince two-digit year")
        << words("SENTSINCE|1-Jan-26") << QStringLiteral("SENTSINCE needs a date");
    QTest::newRow("sentbefore day zero") << words("SENTBEFORE|0-Jan-2026") << QStringLiteral("SENTBEFORE needs");
    QTest::newRow("senton three-digit day") << words("SENTON|001-Jan-2026") << QStringLiteral("SENTON needs");
    QTest::newRow("larger word") << words("LARGER|big") << QStringLiteral("LARGER needs a size in bytes");
    QTest::newRow("larger negative") << words("LARGER|-1") << QStringLiteral("LARGER needs");
    QTest::newRow("smaller with sign") << words("SMALLER|+5") << QStringLiteral("SMALLER needs");
    QTest::newRow("smaller overflow") << words("SMALLER|99999999999999999999") << QStringLiteral("SMALLER needs");
    QTest::newRow("smaller missing") << words("SMALLER") << QStringLiteral("SMALLER needs");
    QTest::newRow("uid zero") << words("UID|0") << QStringLiteral("UID needs a UID set");
    QTest::newRow("uid open range") << words("UID|1:") << QStringLiteral("UID needs");
    QTest::newRow("uid empty element") << words("UID|1,,2") << QStringLiteral("UID needs");
    QTest::newRow("uid three-way range") << words("UID|1:2:3") << QStringLiteral("UID needs");
    QTest::newRow("uid word") << words("UID|all") << QStringLiteral("not 'all'");
    QTest::newRow("uid overflow") << words("UID|4294967296") << QStringLiteral("UID needs");
    QTest::newRow("uid missing") << words("UID") << QStringLiteral("UID needs");
    QTest::newRow("bare zero") << words("0") << QStringLiteral("'0' is neither a search key nor");
    QTest::newRow("bare bad range") << words("1:x") << QStringLiteral("'1:x'");
    QTest::newRow("modseq negative") << words("MODSEQ|-1") << QStringLiteral("MODSEQ needs");
    QTest::newRow("modseq beyond 63 bits") << words("MODSEQ|9223372036854775808") << QStringLiteral("MODSEQ needs");
    QTest::newRow("older zero") << words("OLDER|0") << QStringLiteral("OLDER needs a number of seconds");
    QTest::newRow("younger word") << words("YOUNGER|day") << QStringLiteral("YOUNGER needs");
    QTest::newRow("not alone") << words("NOT") << QStringLiteral("NOT needs a search key");
    QTest::newRow("not before close") << words("(|NOT|)") << QStringLiteral("NOT needs");
    QTest::newRow("not with bad key") << words("NOT|BOGUS") << QStringLiteral("'BOGUS'");
    QTest::newRow("or alone") << words("OR") << QStringLiteral("OR needs two search keys");
    QTest::newRow("or with one key") << words("OR|SEEN") << QStringLiteral("OR needs two search keys");
    QTest::newRow("or closed early") << words("(|OR|SEEN|)|FLAGGED") << QStringLiteral("OR needs two");
    QTest::newRow("unmatched close") << words("SEEN|)") << QStringLiteral("')' without a matching '('");
    QTest::newRow("glued unmatched close") << words("SEEN)") << QStringLiteral("')' without");
    QTest::newRow("unclosed group") << words("(|SEEN") << QStringLiteral("'(' without a matching ')'");
    // "x)" is text: the ")" belongs to it, so the group stays open.
    QTest::newRow("close glued to text") << words("(FROM|x)") << QStringLiteral("glued to text is part of the text");
    QTest::newRow("empty group") << words("(|)") << QStringLiteral("empty parentheses");
    QTest::newRow("empty glued group") << words("()") << QStringLiteral("empty parentheses");
}

void TestImapSearch::errors()
{
    QFETCH(QStringList, tokens);
    QFETCH(QString, mentions);
    QString error;
    const std::optional<SearchQuery> query = buildSearchQuery(tokens, &error);
    QVERIFY(!query.has_value());
    QVERIFY2(error.contains(mentions), qPrintable(error));
    // A null error pointer is allowed and changes nothing.
    QVERIFY(!buildSearchQuery(tokens, nullptr).has_value());
}

void TestImapSearch::deepNesting()
{
    // argv can hold this many; the parser must refuse, not overflow the stack.
    QStringList tokens(100000, QStringLiteral("NOT"));
    tokens.append(QStringLiteral("SEEN"));
    QString error;
    QVERIFY(!buildSearchQuery(tokens, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("nested too deeply")), qPrintable(error));

    // A realistic depth still works: 100 senders ORed together.
    QStringList senders;
    for (int i = 0; i < 99; ++i) {
        senders << QStringLiteral("OR") << QStringLiteral("FROM") << QStringLiteral("s%1").arg(i);
    }
    senders << QStringLiteral("FROM") << QStringLiteral("last");
    QVERIFY2(buildSearchQuery(senders, &error).has_value(), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestImapSearch)
#include "tst_imap_search.moc"
