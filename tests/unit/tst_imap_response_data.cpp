// IMAP responses to typed values: capabilities, LIST (RFC 6154 roles, modified UTF-7 and UTF-8
// names), STATUS, FETCH with ENVELOPE and BODYSTRUCTURE, SEARCH/ESEARCH (RFC 4731), VANISHED
// (RFC 7162), sequence sets and the date forms mail really carries. The framing and the
// tokenizer they are read from are in tst_imap_parser.cpp.
#include "protocols/imap/ResponseData.h"
#include "tests/unit/ImapParserTestSupport.h"

#include <QTest>

#include <algorithm>

using namespace Satchel::Imap;
using namespace Satchel::Imap::ParserTestSupport;

namespace {

QByteArrayList sorted(QByteArrayList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QByteArrayList sorted(const QSet<QByteArray> &set)
{
    return sorted(QByteArrayList(set.begin(), set.end()));
}

QStringList displays(const QList<Address> &addresses)
{
    QStringList out;
    for (const Address &a : addresses) {
        out.append(a.display());
    }
    return out;
}

// Every part of a BODYSTRUCTURE depth first: "number type/subtype size [disposition] [name=file]".
void flatten(const BodyPart &part, QStringList *out)
{
    QString line = QString::fromLatin1(QByteArray(part.partNumber + ' ' + part.type + '/' + part.subtype));
    if (part.type != "multipart") {
        line += u' ' + QString::number(part.size);
    }
    if (!part.disposition.isEmpty()) {
        line += u' ' + QString::fromLatin1(part.disposition);
    }
    if (!part.fileName.isEmpty()) {
        line += QStringLiteral(" name=") + part.fileName;
    }
    out->append(line);
    for (const BodyPart &child : part.children) {
        flatten(child, out);
    }
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

// An ENVELOPE with only a date and a subject (RFC 9051 §7.5.2: ten fields).
QByteArray envelopeOf(const QByteArray &date, const QByteArray &subject)
{
    return "(\"" + date + "\" \"" + subject + "\" NIL NIL NIL NIL NIL NIL NIL NIL)";
}

// The ENVELOPE of the RFC 9051 §8 sample session.
const char rfc9051Envelope[]
    = R"x(("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev2 WG mtg summary and minutes" )x"
      R"x((("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) )x"
      R"x((("Terry Gray" NIL "gray" "cac.washington.edu")) ((NIL NIL "imap" "cac.washington.edu")) )x"
      R"x(((NIL NIL "minutes" "CNRI.Reston.VA.US") ("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL )x"
      R"x("<B27397-0100000@cac.washington.edu>"))x";

} // namespace

class TestImapResponseData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ResponseData
    void capabilities_data();
    void capabilities();
    void listEntry_data();
    void listEntry();
    void status_data();
    void status();
    void fetch_data();
    void fetch();
    void envelope_data();
    void envelope();
    void summaryTakesReferences_data();
    void summaryTakesReferences();
    void bodyStructure_data();
    void bodyStructure();
    void search_data();
    void search();
    void vanished_data();
    void vanished();
    void sequenceSet_data();
    void sequenceSet();
    void formatSequenceSet_data();
    void formatSequenceSet();
    void messageDate_data();
    void messageDate();
    void internalDate_data();
    void internalDate();
};

// ---------------------------------------------------------------- ResponseData

void TestImapResponseData::capabilities_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("fromCode");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::newRow("capability-response") << QByteArray("* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN LOGINDISABLED")
                                         << false
                                         << QByteArrayList { "AUTH=PLAIN", "IMAP4REV1", "LOGINDISABLED", "STARTTLS" };
    QTest::newRow("capability-response-upper-cased") << QByteArray("* CAPABILITY imap4rev2 condstore Idle") << false
                                                     << QByteArrayList { "CONDSTORE", "IDLE", "IMAP4REV2" };
    QTest::newRow("capability-code-in-greeting")
        << QByteArray("* OK [CAPABILITY IMAP4rev1 SASL-IR  LITERAL+ ID ENABLE IDLE] Dovecot ready.") << true
        << QByteArrayList { "ENABLE", "ID", "IDLE", "IMAP4REV1", "LITERAL+", "SASL-IR" };
}

void TestImapResponseData::capabilities()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, fromCode);
    QFETCH(QByteArrayList, expected);
    QString error;
    const auto r = parseOk(line, &error);
    QVERIFY2(r, qPrintable(error));
    if (fromCode) {
        QCOMPARE(r->code.name, QByteArray("CAPABILITY"));
        QCOMPARE(sorted(capabilitiesFromText(r->code.args)), expected);
    } else {
        QCOMPARE(sorted(capabilitiesFrom(*r)), expected);
    }
}

void TestImapResponseData::listEntry_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("utf8");
    QTest::addColumn<QString>("error"); // fragment; empty: valid
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("wireName");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QByteArrayList>("attributes");
    QTest::addColumn<QString>("role");

    QTest::newRow("sent-special-use") << QByteArray(R"(* LIST (\HasNoChildren \Sent) "/" "Sent Items")") << false
                                      << QString() << QStringLiteral("Sent Items") << QByteArray("Sent Items")
                                      << QStringLiteral("/") << QByteArrayList { "\\HasNoChildren", "\\Sent" }
                                      << QStringLiteral("sent");
    QTest::newRow("inbox-role-any-case") << QByteArray(R"(* LIST (\HasChildren) "." inbox)") << false << QString()
                                         << QStringLiteral("inbox") << QByteArray("inbox") << QStringLiteral(".")
                                         << QByteArrayList { "\\HasChildren" } << QStringLiteral("inbox");
    QTest::newRow("drafts-lower-case-attribute")
        << QByteArray(R"(* LIST (\drafts) "/" Drafts)") << false << QString() << QStringLiteral("Drafts")
        << QByteArray("Drafts") << QStringLiteral("/") << QByteArrayList { "\\drafts" } << QStringLiteral("drafts");
    QTest::newRow("all-is-archive") << QByteArray(R"(* LIST (\All \HasNoChildren) "/" "[Gmail]/All Mail")") << false
                                    << QString() << QStringLiteral("[Gmail]/All Mail") << QByteArray("[Gmail]/All Mail")
                                    << QStringLiteral("/") << QByteArrayList { "\\All", "\\HasNoChildren" }
                                    << QStringLiteral("archive");
    QTest::newRow("modified-utf7-name") << QByteArray(R"(* LIST () "/" "&AOQ-")") << false << QString()
                                        << QStringLiteral("ä") << QByteArray("&AOQ-") << QStringLiteral("/")
                                        << QByteArrayList {} << QString();
    QTest::newRow("modified-utf7-ampersand")
        << QByteArray(R"(* LIST () "/" "R&-D/&AOQ-rger")") << false << QString() << QStringLiteral("R&D/ärger")
        << QByteArray("R&-D/&AOQ-rger") << QStringLiteral("/") << QByteArrayList {} << QString();
    QTest::newRow("utf8-name-with-utf8-accept")
        << QByteArray("* LIST () \"/\" \"\xc3\xa4\"") << true << QString() << QStringLiteral("ä")
        << QByteArray("\xc3\xa4") << QStringLiteral("/") << QByteArrayList {} << QString();
    QTest::newRow("utf8-mode-keeps-ampersand")
        << QByteArray(R"(* LIST () "/" "&AOQ-")") << true << QString() << QStringLiteral("&AOQ-") << QByteArray("&AOQ-")
        << QStringLiteral("/") << QByteArrayList {} << QString();
    QTest::newRow("literal-name") << QByteArray("* LIST (\\Junk) \".\" " + lit("Spam \"x\"")) << false << QString()
                                  << QStringLiteral("Spam \"x\"") << QByteArray("Spam \"x\"") << QStringLiteral(".")
                                  << QByteArrayList { "\\Junk" } << QStringLiteral("junk");
    QTest::newRow("nil-delimiter") << QByteArray(R"(* LIST (\Noselect) NIL "")") << false << QString() << QString()
                                   << QByteArray() << QString() << QByteArrayList { "\\Noselect" } << QString();
    QTest::newRow("lsub") << QByteArray(R"(* LSUB () "/" Trash)") << false << QString() << QStringLiteral("Trash")
                          << QByteArray("Trash") << QStringLiteral("/") << QByteArrayList {} << QString();
    QTest::newRow("invalid-modified-utf7")
        << QByteArray(R"(* LIST () "/" "&Jjo")") << false << QStringLiteral("not valid modified UTF-7") << QString()
        << QByteArray() << QString() << QByteArrayList {} << QString();
    QTest::newRow("8-bit-name-without-utf8")
        << QByteArray("* LIST () \"/\" \"\xc3\xa4\"") << false << QStringLiteral("not valid modified UTF-7")
        << QString() << QByteArray() << QString() << QByteArrayList {} << QString();
    QTest::newRow("missing-name") << QByteArray(R"(* LIST () "/")") << false
                                  << QStringLiteral("without attributes, delimiter and name") << QString()
                                  << QByteArray() << QString() << QByteArrayList {} << QString();
    QTest::newRow("attributes-not-a-list")
        << QByteArray(R"(* LIST \Sent "/" Sent)") << false << QStringLiteral("without attributes") << QString()
        << QByteArray() << QString() << QByteArrayList {} << QString();
}

void TestImapResponseData::listEntry()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, utf8);
    QFETCH(QString, error);
    QFETCH(QString, name);
    QFETCH(QByteArray, wireName);
    QFETCH(QString, delimiter);
    QFETCH(QByteArrayList, attributes);
    QFETCH(QString, role);
    QString parseError;
    const auto r = parseOk(line, &parseError);
    QVERIFY2(r, qPrintable(parseError));
    QString problem;
    const auto folder = listEntryFrom(*r, utf8, &problem);
    if (!error.isEmpty()) {
        QVERIFY(!folder);
        QVERIFY2(problem.contains(error), qPrintable(problem));
        return;
    }
    QVERIFY2(folder, qPrintable(problem));
    QCOMPARE(folder->name, name);
    QCOMPARE(folder->wireName, wireName);
    QCOMPARE(folder->delimiter.isNull() ? QString() : QString(folder->delimiter), delimiter);
    QCOMPARE(folder->attributes, attributes);
    QCOMPARE(folder->role, role);
    QCOMPARE(roleFromAttributes(folder->attributes, folder->name), role);
}

void TestImapResponseData::status_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArrayList>("items"); // "NAME=value", sorted

    QTest::newRow("messages-uidnext") << QByteArray("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)") << QString()
                                      << QStringLiteral("blurdybloop")
                                      << QByteArrayList { "MESSAGES=231", "UIDNEXT=44292" };
    QTest::newRow("all-items-lower-case")
        << QByteArray("* STATUS \"Sent Items\" (messages 3 unseen 1 uidvalidity 3857529045 "
                      "highestmodseq 9223372036854775807 SIZE 12345)")
        << QString() << QStringLiteral("Sent Items")
        << QByteArrayList { "HIGHESTMODSEQ=9223372036854775807", "MESSAGES=3", "SIZE=12345", "UIDVALIDITY=3857529045",
               "UNSEEN=1" };
    QTest::newRow("modified-utf7-name") << QByteArray("* STATUS &AOQ- (MESSAGES 0)") << QString() << QStringLiteral("ä")
                                        << QByteArrayList { "MESSAGES=0" };
    QTest::newRow("empty-items") << QByteArray("* STATUS INBOX ()") << QString() << QStringLiteral("INBOX")
                                 << QByteArrayList {};
    QTest::newRow("item-without-number") << QByteArray("* STATUS INBOX (MESSAGES NIL)")
                                         << QStringLiteral("a STATUS item without a number") << QString()
                                         << QByteArrayList {};
    QTest::newRow("no-item-list") << QByteArray("* STATUS INBOX MESSAGES 3")
                                  << QStringLiteral("without a name and items") << QString() << QByteArrayList {};
}

void TestImapResponseData::status()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    QFETCH(QString, name);
    QFETCH(QByteArrayList, items);
    QString parseError;
    const auto r = parseOk(line, &parseError);
    QVERIFY2(r, qPrintable(parseError));
    QString problem;
    const auto data = statusFrom(*r, false, &problem);
    if (!error.isEmpty()) {
        QVERIFY(!data);
        QVERIFY2(problem.contains(error), qPrintable(problem));
        return;
    }
    QVERIFY2(data, qPrintable(problem));
    QCOMPARE(data->name, name);
    QByteArrayList actual;
    for (auto it = data->items.cbegin(); it != data->items.cend(); ++it) {
        actual.append(it.key() + '=' + QByteArray::number(it.value()));
    }
    QCOMPARE(sorted(actual), items);
}

void TestImapResponseData::fetch_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::addColumn<uint>("sequence");
    QTest::addColumn<uint>("uid");
    QTest::addColumn<QByteArrayList>("flags"); // {"-"}: no FLAGS item
    QTest::addColumn<qlonglong>("size"); // -1: no RFC822.SIZE item
    QTest::addColumn<QDateTime>("internalDate");
    QTest::addColumn<qulonglong>("modseq");
    QTest::addColumn<QByteArrayList>("sections"); // "NAME=bytes", "NAME NIL", "NAME streamed"

    const QByteArrayList noFlags { "-" };
    QTest::newRow("uid-flags-size-internaldate")
        << QByteArray(R"(* 12 FETCH (UID 4827313 FLAGS (\Seen \Answered $Forwarded) RFC822.SIZE 4286 )"
                      R"(INTERNALDATE "17-Jul-1996 02:44:25 -0700"))")
        << QString() << 12u << 4827313u << QByteArrayList { "\\Seen", "\\Answered", "$Forwarded" } << 4286ll
        << utc(1996, 7, 17, 9, 44, 25) << 0ull << QByteArrayList {};
    QTest::newRow("empty-flags") << QByteArray("* 1 FETCH (FLAGS () UID 2)") << QString() << 1u << 2u
                                 << QByteArrayList {} << -1ll << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("modseq") << QByteArray("* 3 FETCH (UID 7 MODSEQ (12345) FLAGS (\\Deleted))") << QString() << 3u << 7u
                            << QByteArrayList { "\\Deleted" } << -1ll << QDateTime() << 12345ull << QByteArrayList {};
    QTest::newRow("modseq-63-bit") << QByteArray("* 3 FETCH (MODSEQ (9223372036854775807))") << QString() << 3u << 0u
                                   << noFlags << -1ll << QDateTime() << 9223372036854775807ull << QByteArrayList {};
    QTest::newRow("uid-max") << QByteArray("* 1 FETCH (UID 4294967295)") << QString() << 1u << 4294967295u << noFlags
                             << -1ll << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("unknown-items-are-skipped")
        << QByteArray("* 5 FETCH (X-GM-MSGID 1278455344230334865 X-GM-LABELS (\\Inbox \"a b\") UID 9 PREVIEW NIL)")
        << QString() << 5u << 9u << noFlags << -1ll << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("sections-literal-nil-quoted") << QByteArray("* 6 FETCH (BODY[HEADER.FIELDS (DATE FROM)] "
        + lit("Date: x\r\n\r\n") + " BODY[TEXT] NIL body[1]<0> \"hi\" RFC822.HEADER " + lit("A: b\r\n") + ')')
                                                 << QString() << 6u << 0u << noFlags << -1ll << QDateTime() << 0ull
                                                 << QByteArrayList { "BODY[HEADER.FIELDS (DATE FROM)]=Date: x\r\n\r\n",
                                                        "BODY[TEXT] NIL", "BODY[1]<0>=hi", "RFC822.HEADER=A: b\r\n" };
    QTest::newRow("empty-item-list") << QByteArray("* 7 FETCH ()") << QString() << 7u << 0u << noFlags << -1ll
                                     << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("uid-zero") << QByteArray("* 1 FETCH (UID 0)") << QStringLiteral("an invalid UID '0'") << 0u << 0u
                              << noFlags << -1ll << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("uid-over-32-bit") << QByteArray("* 1 FETCH (UID 4294967296)")
                                     << QStringLiteral("an invalid UID '4294967296'") << 0u << 0u << noFlags << -1ll
                                     << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("uid-not-a-number") << QByteArray("* 1 FETCH (UID \"12\")") << QStringLiteral("an invalid UID") << 0u
                                      << 0u << noFlags << -1ll << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("flags-not-a-list") << QByteArray("* 1 FETCH (FLAGS \\Seen)")
                                      << QStringLiteral("FLAGS without a list") << 0u << 0u << noFlags << -1ll
                                      << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("size-not-a-number") << QByteArray("* 1 FETCH (RFC822.SIZE NIL)")
                                       << QStringLiteral("RFC822.SIZE without a number") << 0u << 0u << noFlags << -1ll
                                       << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("modseq-empty") << QByteArray("* 1 FETCH (MODSEQ ())") << QStringLiteral("MODSEQ without a number")
                                  << 0u << 0u << noFlags << -1ll << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("modseq-bare-number") << QByteArray("* 1 FETCH (MODSEQ 5)")
                                        << QStringLiteral("MODSEQ without a number") << 0u << 0u << noFlags << -1ll
                                        << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("item-without-value") << QByteArray("* 1 FETCH (UID 5 FLAGS)")
                                        << QStringLiteral("a FETCH item without a value") << 0u << 0u << noFlags << -1ll
                                        << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("item-name-not-an-atom")
        << QByteArray("* 1 FETCH (\"UID\" 5)") << QStringLiteral("a FETCH item without a value") << 0u << 0u << noFlags
        << -1ll << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("two-item-lists") << QByteArray("* 1 FETCH (UID 5) (FLAGS ())")
                                    << QStringLiteral("without one list of items") << 0u << 0u << noFlags << -1ll
                                    << QDateTime() << 0ull << QByteArrayList {};
    QTest::newRow("section-with-a-list") << QByteArray("* 1 FETCH (BODY[] (a b))")
                                         << QStringLiteral("a body section without a string") << 0u << 0u << noFlags
                                         << -1ll << QDateTime() << 0ull << QByteArrayList {};
}

void TestImapResponseData::fetch()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    QFETCH(uint, sequence);
    QFETCH(uint, uid);
    QFETCH(QByteArrayList, flags);
    QFETCH(qlonglong, size);
    QFETCH(QDateTime, internalDate);
    QFETCH(qulonglong, modseq);
    QFETCH(QByteArrayList, sections);
    QString parseError;
    const auto r = parseOk(line, &parseError);
    QVERIFY2(r, qPrintable(parseError));
    QString problem;
    const auto data = fetchFrom(*r, &problem);
    if (!error.isEmpty()) {
        QVERIFY(!data);
        QVERIFY2(problem.contains(error), qPrintable(problem));
        return;
    }
    QVERIFY2(data, qPrintable(problem));
    QCOMPARE(data->sequence, sequence);
    QCOMPARE(data->uid, uid);
    const bool hasFlags = flags != QByteArrayList { "-" };
    QCOMPARE(data->hasFlags, hasFlags);
    if (hasFlags) {
        QCOMPARE(data->flags, flags);
    }
    QCOMPARE(data->hasSize, size >= 0);
    QCOMPARE(qlonglong(data->size), std::max(size, 0ll));
    QCOMPARE(data->internalDate.isValid(), internalDate.isValid());
    if (internalDate.isValid()) {
        QCOMPARE(data->internalDate.toUTC(), internalDate);
    }
    QCOMPARE(qulonglong(data->modseq), modseq);
    QByteArrayList actual;
    for (const FetchedSection &s : data->sections) {
        if (s.nil) {
            actual.append(s.name + " NIL");
        } else if (s.streamed) {
            actual.append(s.name + " streamed");
        } else {
            actual.append(s.name + '=' + s.bytes);
        }
    }
    QCOMPARE(actual, sections);

    const MessageSummary summary = summaryFrom(*data);
    QCOMPARE(summary.uid, data->uid);
    QCOMPARE(summary.modseq, data->modseq);
    QCOMPARE(summary.size, data->size);
}

void TestImapResponseData::envelope_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QDateTime>("date"); // UTC; invalid when unreadable
    QTest::addColumn<int>("offset"); // the Date's zone, seconds east of UTC
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QStringList>("from");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QStringList>("cc");
    QTest::addColumn<QByteArray>("inReplyTo");
    QTest::addColumn<QByteArray>("messageId");

    QTest::newRow("rfc9051-example") << QByteArray(
        "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 "
        "ENVELOPE "
        + QByteArray(rfc9051Envelope) + " UID 3)")
                                     << utc(1996, 7, 17, 9, 23, 25) << -7 * 3600
                                     << QStringLiteral("IMAP4rev2 WG mtg summary and minutes")
                                     << QStringList { QStringLiteral("Terry Gray <gray@cac.washington.edu>") }
                                     << QStringList { QStringLiteral("imap@cac.washington.edu") }
                                     << QStringList { QStringLiteral("minutes@CNRI.Reston.VA.US"),
                                            QStringLiteral("John Klensin <KLENSIN@MIT.EDU>") }
                                     << QByteArray() << QByteArray("<B27397-0100000@cac.washington.edu>");
    QTest::newRow("rfc2047-subject-and-name")
        << QByteArray("* 1 FETCH (ENVELOPE (\"Tue, 1 Jul 2003 10:52:37 +0200\" \"=?UTF-8?B?w6TDtsO8?=\" "
                      "((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"pirard\" \"vm1.ulg.ac.be\")) NIL NIL NIL NIL NIL "
                      "\"<a@b>\" \"<c@d>\"))")
        << utc(2003, 7, 1, 8, 52, 37) << 7200 << QStringLiteral("äöü")
        << QStringList { QStringLiteral("André Pirard <pirard@vm1.ulg.ac.be>") } << QStringList {} << QStringList {}
        << QByteArray("<a@b>") << QByteArray("<c@d>");
    QTest::newRow("raw-utf8-subject") << QByteArray(
        "* 1 FETCH (ENVELOPE " + envelopeOf("1 Jul 2003 10:52:37 GMT", "gr\xc3\xbc\xc3\x9f") + ')')
                                      << utc(2003, 7, 1, 10, 52, 37) << 0 << QStringLiteral("grüß") << QStringList {}
                                      << QStringList {} << QStringList {} << QByteArray() << QByteArray();
    QTest::newRow("group-address") << QByteArray(
        "* 1 FETCH (ENVELOPE (NIL \"s\" NIL NIL NIL ((NIL NIL \"team\" NIL) (\"Ann\" NIL \"ann\" "
        "\"example.com\") (NIL NIL \"bob\" \"example.com\") (NIL NIL NIL NIL)) ((NIL NIL "
        "\"undisclosed-recipients\" NIL) (NIL NIL NIL NIL)) NIL NIL NIL))")
                                   << QDateTime() << 0 << QStringLiteral("s") << QStringList {}
                                   << QStringList { QStringLiteral("Ann <ann@example.com>"),
                                          QStringLiteral("bob@example.com") }
                                   << QStringList {} << QByteArray() << QByteArray();
    QTest::newRow("literal-subject-and-unreadable-date")
        << QByteArray(
               "* 1 FETCH (ENVELOPE (\"not a date\" " + lit("multi\r\nline") + " NIL NIL NIL NIL NIL NIL NIL NIL))")
        << QDateTime() << 0 << QStringLiteral("multi\r\nline") << QStringList {} << QStringList {} << QStringList {}
        << QByteArray() << QByteArray();
    QTest::newRow("short-envelope-is-empty")
        << QByteArray("* 1 FETCH (ENVELOPE (\"1 Jul 2003 10:52:37 GMT\" \"s\"))") << QDateTime() << 0 << QString()
        << QStringList {} << QStringList {} << QStringList {} << QByteArray() << QByteArray();
}

void TestImapResponseData::envelope()
{
    QFETCH(QByteArray, line);
    QFETCH(QDateTime, date);
    QFETCH(int, offset);
    QFETCH(QString, subject);
    QFETCH(QStringList, from);
    QFETCH(QStringList, to);
    QFETCH(QStringList, cc);
    QFETCH(QByteArray, inReplyTo);
    QFETCH(QByteArray, messageId);
    QString parseError;
    const auto r = parseOk(line, &parseError);
    QVERIFY2(r, qPrintable(parseError));
    QString problem;
    const auto data = fetchFrom(*r, &problem);
    QVERIFY2(data, qPrintable(problem));
    QVERIFY(data->hasEnvelope);
    const Envelope &e = data->envelope;
    QCOMPARE(e.date.isValid(), date.isValid());
    if (date.isValid()) {
        QCOMPARE(e.date.toUTC(), date);
        QCOMPARE(e.date.offsetFromUtc(), offset);
    }
    QCOMPARE(e.subject, subject);
    QCOMPARE(displays(e.from), from);
    QCOMPARE(displays(e.to), to);
    QCOMPARE(displays(e.cc), cc);
    QCOMPARE(e.inReplyTo, inReplyTo);
    QCOMPARE(e.messageId, messageId);
    if (qstrcmp(QTest::currentDataTag(), "rfc9051-example") == 0) {
        QCOMPARE(displays(e.sender), from);
        QCOMPARE(displays(e.replyTo), from);
        QVERIFY(e.bcc.isEmpty());
        QCOMPARE(data->internalDate.toUTC(), utc(1996, 7, 17, 9, 44, 25));
        QCOMPARE(data->uid, 3u);
        QCOMPARE(data->flags, QByteArrayList { "\\Seen" });
        const MessageSummary summary = summaryFrom(*data);
        QCOMPARE(summary.envelope.subject, subject);
        QCOMPARE(summary.internalDate, data->internalDate);
    }
}

void TestImapResponseData::summaryTakesReferences_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("references");
    QTest::addColumn<QByteArrayList>("ids"); // not empty: an over-long value of these ids, to be cut

    // The reply to FetchCommand::summaryItems(true): the item comes back without .PEEK.
    const auto reply = [](const QByteArray &section) -> QByteArray {
        return "* 3 FETCH (UID 7 FLAGS (\\Seen) RFC822.SIZE 812 BODY[HEADER.FIELDS (REFERENCES)] " + lit(section) + ')';
    };
    QByteArrayList ids; // 2,000 ids of 30 bytes: 62,000 bytes, far over the 8,192 kept
    for (int i = 1; i <= 2000; ++i) {
        ids.append(QByteArray('<' + QByteArray::number(i).rightJustified(4, '0') + ".thread@mail.example.org>"));
    }

    QTest::newRow("single-id") << reply("References: <root@example.org>\r\n\r\n") << QByteArray("<root@example.org>")
                               << QByteArrayList {};
    QTest::newRow("folded-over-three-lines")
        << reply("References: <a@example.org>\r\n <b@example.org>\r\n\t<c@example.org>\r\n\r\n")
        << QByteArray("<a@example.org> <b@example.org> <c@example.org>") << QByteArrayList {};
    QTest::newRow("value-starts-on-a-continuation-line")
        << reply("References:\r\n  <a@example.org>\r\n\t <b@example.org>  \r\n\r\n")
        << QByteArray("<a@example.org> <b@example.org>") << QByteArrayList {};
    QTest::newRow("lower-case-field-name")
        << reply("references: <a@example.org>\r\n\r\n") << QByteArray("<a@example.org>") << QByteArrayList {};
    QTest::newRow("no-space-after-colon")
        << reply("References:<a@example.org>\r\n\r\n") << QByteArray("<a@example.org>") << QByteArrayList {};
    QTest::newRow("field-absent") << reply("\r\n") << QByteArray() << QByteArrayList {};
    QTest::newRow("section-not-requested")
        << QByteArray("* 3 FETCH (UID 7 FLAGS (\\Seen) RFC822.SIZE 812)") << QByteArray() << QByteArrayList {};
    QTest::newRow("section-nil") << QByteArray("* 3 FETCH (UID 7 BODY[HEADER.FIELDS (REFERENCES)] NIL)") << QByteArray()
                                 << QByteArrayList {};
    // Only the section asked for counts, whatever another one holds.
    QTest::newRow("section-of-another-header") << QByteArray("* 3 FETCH (UID 7 BODY[HEADER.FIELDS (SUBJECT)] "
        + lit("Subject: re\r\nReferences: <a@example.org>\r\n\r\n") + ')')
                                               << QByteArray() << QByteArrayList {};
    QTest::newRow("item-name-in-lower-case") << QByteArray(
        "* 3 FETCH (UID 7 body[header.fields (references)] " + lit("References: <a@example.org>\r\n\r\n") + ')')
                                             << QByteArray("<a@example.org>") << QByteArrayList {};
    QTest::newRow("next-to-a-folded-in-reply-to")
        << QByteArray("* 3 FETCH (UID 7 BODY[HEADER.FIELDS (IN-REPLY-TO REFERENCES)] "
               + lit("In-Reply-To: <p@example.org>\r\n <q@example.org>\r\nReferences: <a@example.org>\r\n"
                     " <b@example.org>\r\n\r\n")
               + ')')
        << QByteArray("<a@example.org> <b@example.org>") << QByteArrayList {};
    QTest::newRow("over-long-one-id-a-line")
        << reply("References: " + ids.join("\r\n ") + "\r\n\r\n") << QByteArray() << ids;
    QTest::newRow("over-long-on-one-line") << reply("References: " + ids.join(' ') + "\r\n\r\n") << QByteArray() << ids;
    // A first line longer than any limit does not end the field: its tail is on the
    // continuation lines.
    QTest::newRow("over-long-first-line-then-folded")
        << reply("References: " + ids.first(1500).join(' ') + "\r\n " + ids.sliced(1500).join("\r\n ") + "\r\n\r\n")
        << QByteArray() << ids;
}

void TestImapResponseData::summaryTakesReferences()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, references);
    QFETCH(QByteArrayList, ids);
    QString parseError;
    const auto r = parseOk(line, &parseError);
    QVERIFY2(r, qPrintable(parseError));
    QString problem;
    const auto data = fetchFrom(*r, &problem);
    QVERIFY2(data, qPrintable(problem));
    const MessageSummary summary = summaryFrom(*data);
    QCOMPARE(summary.uid, 7u);
    if (ids.isEmpty()) {
        QCOMPARE(summary.references, references);
        return;
    }
    // Cut to 8192 bytes: the thread's root, a space, then as many of the newest ids as
    // fit, each whole and in order.
    const QByteArray &kept = summary.references;
    QVERIFY2(kept.size() <= 8192, QByteArray::number(kept.size()).constData());
    QVERIFY2(kept.size() > 8192 - 2 * ids.constLast().size(), QByteArray::number(kept.size()).constData());
    QVERIFY(kept.startsWith(QByteArray(ids.constFirst() + ' ')));
    QVERIFY(kept.endsWith(ids.constLast()));
    const QByteArrayList pieces = kept.split(' ');
    for (const QByteArray &piece : pieces) {
        QVERIFY2(piece.startsWith('<') && piece.endsWith('>'), piece.constData());
    }
    QCOMPARE(pieces.constFirst(), ids.constFirst());
    QCOMPARE(pieces.sliced(1), ids.sliced(ids.size() - (pieces.size() - 1)));
}

void TestImapResponseData::bodyStructure_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("parts"); // flatten()
    QTest::addColumn<QString>("knownBug"); // non-empty: expected to fail, this is why

    const QByteArray text = R"(("TEXT" "PLAIN" ("CHARSET" "UTF-8") NIL NIL "7BIT" 1152 23 NIL NIL NIL NIL))";
    const QByteArray pdf = R"(("APPLICATION" "PDF" ("NAME" "x.pdf") NIL NIL "BASE64" 4554 NIL )"
                           R"(("ATTACHMENT" ("FILENAME" "report.pdf")) NIL NIL))";
    const QByteArray html = R"(("TEXT" "HTML" ("CHARSET" "UTF-8") NIL NIL "QUOTED-PRINTABLE" 2000 40 NIL NIL NIL))";
    const QByteArray png = R"(("IMAGE" "PNG" ("NAME" "a.png") "<id1>" NIL "BASE64" 300 NIL ("INLINE" NIL) NIL))";
    const QByteArray envelope = envelopeOf("1 Jul 2003 10:52:37 GMT", "fwd");

    QTest::newRow("single-text-part") << QByteArray(R"(* 1 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" ("CHARSET" )"
                                                    R"("US-ASCII") NIL NIL "7BIT" 3028 92)))")
                                      << QString() << QStringList { QStringLiteral("1 text/plain 3028") } << QString();
    QTest::newRow("body-non-extensible") << QByteArray(R"(* 12 FETCH (BODY ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") )"
                                                       R"(NIL NIL "7BIT" 3028 92)))")
                                         << QString() << QStringList { QStringLiteral("1 text/plain 3028") }
                                         << QString();
    QTest::newRow("multipart-mixed-with-attachment")
        << QByteArray("* 2 FETCH (BODYSTRUCTURE (" + text + pdf + R"( "MIXED" ("BOUNDARY" "b1") NIL NIL NIL)))")
        << QString()
        << QStringList { QStringLiteral(" multipart/mixed"), QStringLiteral("1 text/plain 1152"),
               QStringLiteral("2 application/pdf 4554 attachment name=report.pdf") }
        << QString();
    QTest::newRow("multipart-disposition")
        << QByteArray("* 2 FETCH (BODYSTRUCTURE (" + text + R"( "MIXED" ("BOUNDARY" "b1") ("INLINE" NIL) NIL NIL)))")
        << QString() << QStringList { QStringLiteral(" multipart/mixed inline"), QStringLiteral("1 text/plain 1152") }
        << QString();
    QTest::newRow("nested-multipart-alternative")
        << QByteArray("* 3 FETCH (BODYSTRUCTURE ((" + text + html + R"( "ALTERNATIVE" ("BOUNDARY" "in") NIL NIL) )"
               + png + R"( "RELATED" ("BOUNDARY" "out") NIL NIL)))")
        << QString()
        << QStringList { QStringLiteral(" multipart/related"), QStringLiteral("1 multipart/alternative"),
               QStringLiteral("1.1 text/plain 1152"), QStringLiteral("1.2 text/html 2000"),
               QStringLiteral("2 image/png 300 inline name=a.png") }
        << QString();
    QTest::newRow("message-rfc822-with-multipart-inside")
        << QByteArray("* 4 FETCH (BODYSTRUCTURE (" + text + R"(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 900 )" + envelope
               + " (" + text + png + R"( "ALTERNATIVE" NIL NIL NIL) 30 NIL ("ATTACHMENT" ("FILENAME" )"
               + R"("fwd.eml")) NIL NIL) "MIXED" ("BOUNDARY" "x") NIL NIL NIL)))")
        << QString()
        << QStringList { QStringLiteral(" multipart/mixed"), QStringLiteral("1 text/plain 1152"),
               QStringLiteral("2 message/rfc822 900 attachment name=fwd.eml"), QStringLiteral("2.1 text/plain 1152"),
               QStringLiteral("2.2 image/png 300 inline name=a.png") }
        << QString();
    QTest::newRow("message-rfc822-with-single-part-inside")
        << QByteArray("* 5 FETCH (BODYSTRUCTURE (" + text + R"(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 900 )" + envelope
               + ' ' + html + R"( 30) "MIXED")))")
        << QString()
        << QStringList { QStringLiteral(" multipart/mixed"), QStringLiteral("1 text/plain 1152"),
               QStringLiteral("2 message/rfc822 900"), QStringLiteral("2.1 text/html 2000") }
        << QString();
    QTest::newRow("top-level-message-rfc822")
        << QByteArray(R"(* 6 FETCH (BODYSTRUCTURE ("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 900 )" + envelope + ' ' + html
               + " 30))")
        << QString() << QStringList { QStringLiteral("1 message/rfc822 900"), QStringLiteral("1.1 text/html 2000") }
        << QString();
    QTest::newRow("filename-from-name-parameter")
        << QByteArray(R"(* 7 FETCH (BODYSTRUCTURE ("APPLICATION" "OCTET-STREAM" ("NAME" "data.bin") NIL NIL )"
                      R"("BASE64" 10)))")
        << QString() << QStringList { QStringLiteral("1 application/octet-stream 10 name=data.bin") } << QString();
    QTest::newRow("rfc2047-filename") << QByteArray(
        R"(* 8 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" NIL NIL NIL "BASE64" 10 1 NIL )"
        R"(("attachment" ("filename" "=?UTF-8?B?w6TDtsO8LnR4dA==?=")) NIL NIL)))")
                                      << QString()
                                      << QStringList { QStringLiteral("1 text/plain 10 attachment name=äöü.txt") }
                                      << QString();
    QTest::newRow("empty-part") << QByteArray("* 9 FETCH (BODYSTRUCTURE ())")
                                << QStringLiteral("an empty BODYSTRUCTURE part") << QStringList {} << QString();
    QTest::newRow("too-few-fields") << QByteArray(R"(* 9 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" NIL)))")
                                    << QStringLiteral("too few fields") << QStringList {} << QString();
    QTest::newRow("not-a-list") << QByteArray("* 9 FETCH (BODYSTRUCTURE NIL)")
                                << QStringLiteral("a BODYSTRUCTURE part is malformed") << QStringList {} << QString();
    QTest::newRow("bad-child-fails-the-whole") << QByteArray("* 9 FETCH (BODYSTRUCTURE (" + text + R"(("X") "MIXED")))")
                                               << QStringLiteral("too few fields") << QStringList {} << QString();
}

void TestImapResponseData::bodyStructure()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    QFETCH(QStringList, parts);
    QFETCH(QString, knownBug);
    QString parseError;
    const auto r = parseOk(line, &parseError);
    QVERIFY2(r, qPrintable(parseError));
    QString problem;
    const auto data = fetchFrom(*r, &problem);
    if (!error.isEmpty()) {
        QVERIFY(!data);
        QVERIFY2(problem.contains(error), qPrintable(problem));
        return;
    }
    QVERIFY2(data, qPrintable(problem));
    QVERIFY(data->bodyStructure);
    QStringList actual;
    flatten(*data->bodyStructure, &actual);
    if (!knownBug.isEmpty()) {
        QEXPECT_FAIL("", qPrintable(knownBug), Abort);
    }
    QCOMPARE(actual, parts);
}

void TestImapResponseData::search_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QList<quint32>>("numbers");

    QTest::newRow("search-numbers") << QByteArray("* SEARCH 2 3 6 4294967295") << QString()
                                    << QList<quint32> { 2, 3, 6, 4294967295u };
    QTest::newRow("search-none") << QByteArray("* SEARCH") << QString() << QList<quint32> {};
    QTest::newRow("search-with-modseq") << QByteArray("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)")
                                        << QString() << QList<quint32> { 2, 5, 6, 7, 11, 12, 18, 19, 20, 23 };
    QTest::newRow("search-zero") << QByteArray("* SEARCH 1 0") << QStringLiteral("not a message number")
                                 << QList<quint32> {};
    QTest::newRow("search-over-32-bit") << QByteArray("* SEARCH 4294967296") << QStringLiteral("not a message number")
                                        << QList<quint32> {};
    QTest::newRow("search-atom") << QByteArray("* SEARCH 1:3") << QStringLiteral("not a message number")
                                 << QList<quint32> {};
    QTest::newRow("esearch-uid-all") << QByteArray("* ESEARCH (TAG \"A1\") UID ALL 1:3,7") << QString()
                                     << QList<quint32> { 1, 2, 3, 7 };
    QTest::newRow("esearch-single-number")
        << QByteArray("* ESEARCH (TAG \"A2\") UID ALL 42") << QString() << QList<quint32> { 42 };
    QTest::newRow("esearch-count-only") << QByteArray("* ESEARCH (TAG \"A3\") UID COUNT 4 MIN 1 MAX 9") << QString()
                                        << QList<quint32> {};
    QTest::newRow("esearch-lower-case") << QByteArray("* ESEARCH (TAG \"A4\") uid min 2 all 2,4:5") << QString()
                                        << QList<quint32> { 2, 4, 5 };
    QTest::newRow("esearch-empty") << QByteArray("* ESEARCH (TAG \"A5\")") << QString() << QList<quint32> {};
    QTest::newRow("esearch-all-garbage") << QByteArray("* ESEARCH (TAG \"A6\") UID ALL 1:x")
                                         << QStringLiteral("an ESEARCH result with an invalid set")
                                         << QList<quint32> {};
    QTest::newRow("esearch-all-zero") << QByteArray("* ESEARCH UID ALL 0:3")
                                      << QStringLiteral("an ESEARCH result with an invalid set") << QList<quint32> {};
    QTest::newRow("esearch-all-huge-range")
        << QByteArray("* ESEARCH UID ALL 1:4294967295") << QStringLiteral("an ESEARCH result with an invalid set")
        << QList<quint32> {};
}

void TestImapResponseData::search()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    QFETCH(QList<quint32>, numbers);
    QString parseError;
    const auto r = parseOk(line, &parseError);
    QVERIFY2(r, qPrintable(parseError));
    QString problem;
    const auto found = searchResultsFrom(*r, &problem);
    if (!error.isEmpty()) {
        QVERIFY(!found);
        QVERIFY2(problem.contains(error), qPrintable(problem));
        return;
    }
    QVERIFY2(found, qPrintable(problem));
    QCOMPARE(*found, numbers);
}

void TestImapResponseData::vanished_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("earlier");
    QTest::addColumn<QList<quint32>>("uids");

    QTest::newRow("earlier") << QByteArray("* VANISHED (EARLIER) 41,43:45") << QString() << true
                             << QList<quint32> { 41, 43, 44, 45 };
    QTest::newRow("not-earlier") << QByteArray("* VANISHED 405,407,410:409") << QString() << false
                                 << QList<quint32> { 405, 407, 409, 410 };
    QTest::newRow("earlier-lower-case") << QByteArray("* VANISHED (earlier) 7") << QString() << true
                                        << QList<quint32> { 7 };
    QTest::newRow("missing-uids") << QByteArray("* VANISHED (EARLIER)") << QStringLiteral("VANISHED without UIDs")
                                  << false << QList<quint32> {};
    QTest::newRow("no-data") << QByteArray("* VANISHED") << QStringLiteral("VANISHED without UIDs") << false
                             << QList<quint32> {};
    QTest::newRow("uid-zero") << QByteArray("* VANISHED 0:3") << QStringLiteral("an invalid UID set") << false
                              << QList<quint32> {};
    QTest::newRow("star-is-not-a-uid") << QByteArray("* VANISHED 1:*") << QStringLiteral("an invalid UID set") << false
                                       << QList<quint32> {};
}

void TestImapResponseData::vanished()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    QFETCH(bool, earlier);
    QFETCH(QList<quint32>, uids);
    QString parseError;
    const auto r = parseOk(line, &parseError);
    QVERIFY2(r, qPrintable(parseError));
    QString problem;
    const auto data = vanishedFrom(*r, &problem);
    if (!error.isEmpty()) {
        QVERIFY(!data);
        QVERIFY2(problem.contains(error), qPrintable(problem));
        return;
    }
    QVERIFY2(data, qPrintable(problem));
    QCOMPARE(data->earlier, earlier);
    QCOMPARE(data->uids, uids);
}

void TestImapResponseData::sequenceSet_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<uint>("star");
    QTest::addColumn<qlonglong>("maxCount"); // 0: the default
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QList<quint32>>("numbers");
    QTest::addColumn<QByteArray>("formatted"); // formatSequenceSet of the numbers

    QTest::newRow("single") << QByteArray("7") << 0u << 0ll << true << QList<quint32> { 7 } << QByteArray("7");
    QTest::newRow("range-and-single") << QByteArray("1:3,7") << 0u << 0ll << true << QList<quint32> { 1, 2, 3, 7 }
                                      << QByteArray("1:3,7");
    QTest::newRow("reversed-range") << QByteArray("5:3") << 0u << 0ll << true << QList<quint32> { 3, 4, 5 }
                                    << QByteArray("3:5");
    QTest::newRow("unsorted-parts") << QByteArray("9,1:2,4") << 0u << 0ll << true << QList<quint32> { 9, 1, 2, 4 }
                                    << QByteArray("1:2,4,9");
    QTest::newRow("star-with-value") << QByteArray("3:*") << 5u << 0ll << true << QList<quint32> { 3, 4, 5 }
                                     << QByteArray("3:5");
    QTest::newRow("star-below-start") << QByteArray("8:*") << 6u << 0ll << true << QList<quint32> { 6, 7, 8 }
                                      << QByteArray("6:8");
    QTest::newRow("max-uid") << QByteArray("4294967294:4294967295") << 0u << 0ll << true
                             << QList<quint32> { 4294967294u, 4294967295u } << QByteArray("4294967294:4294967295");
    QTest::newRow("at-max-count") << QByteArray("1:4") << 0u << 4ll << true << QList<quint32> { 1, 2, 3, 4 }
                                  << QByteArray("1:4");
    QTest::newRow("over-max-count") << QByteArray("1:4,9") << 0u << 4ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("hostile-full-range") << QByteArray("1:4294967295") << 0u << 0ll << false << QList<quint32> {}
                                        << QByteArray();
    QTest::newRow("zero") << QByteArray("0") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("zero-in-range") << QByteArray("0:5") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("star-without-value") << QByteArray("1:*") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("over-32-bit") << QByteArray("4294967296") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("garbage") << QByteArray("abc") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("empty") << QByteArray() << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("empty-part") << QByteArray("1,,2") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("trailing-comma") << QByteArray("1,") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("open-range") << QByteArray("1:") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("double-colon") << QByteArray("1:2:3") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("negative") << QByteArray("-1") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
    QTest::newRow("leading-space") << QByteArray(" 1") << 0u << 0ll << false << QList<quint32> {} << QByteArray();
}

void TestImapResponseData::sequenceSet()
{
    QFETCH(QByteArray, text);
    QFETCH(uint, star);
    QFETCH(qlonglong, maxCount);
    QFETCH(bool, valid);
    QFETCH(QList<quint32>, numbers);
    QFETCH(QByteArray, formatted);
    const auto parsed = maxCount > 0 ? parseSequenceSet(text, star, maxCount) : parseSequenceSet(text, star);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid) {
        return;
    }
    QCOMPARE(*parsed, numbers);
    const QByteArray again = Satchel::Imap::formatSequenceSet(*parsed);
    QCOMPARE(again, formatted);
    // The round trip: the formatted set reads back as the same numbers, sorted.
    QList<quint32> expected = numbers;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(parseSequenceSet(again).value_or(QList<quint32> {}), expected);
}

void TestImapResponseData::formatSequenceSet_data()
{
    QTest::addColumn<QList<quint32>>("numbers");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QList<quint32> {} << QByteArray();
    QTest::newRow("one") << QList<quint32> { 5 } << QByteArray("5");
    QTest::newRow("duplicates-and-order") << QList<quint32> { 5, 3, 4, 4, 9, 1 } << QByteArray("1,3:5,9");
    QTest::newRow("two-adjacent") << QList<quint32> { 10, 11 } << QByteArray("10:11");
    QTest::newRow("max-value") << QList<quint32> { 4294967295u, 1 } << QByteArray("1,4294967295");
}

void TestImapResponseData::formatSequenceSet()
{
    QFETCH(QList<quint32>, numbers);
    QFETCH(QByteArray, text);
    QCOMPARE(Satchel::Imap::formatSequenceSet(numbers), text);
}

void TestImapResponseData::messageDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected"); // UTC; invalid: unreadable
    QTest::addColumn<int>("offset");

    QTest::newRow("rfc9051-envelope-date")
        << QByteArray("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)") << utc(1996, 7, 17, 9, 23, 25) << -25200;
    QTest::newRow("rfc5322-example-half-hour-zone")
        << QByteArray("Thu, 13 Feb 1969 23:32:54 -0330") << utc(1969, 2, 14, 3, 2, 54) << -12600;
    QTest::newRow("no-weekday") << QByteArray("17 Jul 1996 02:23:25 -0700") << utc(1996, 7, 17, 9, 23, 25) << -25200;
    QTest::newRow("two-digit-year-1900s")
        << QByteArray("Wed, 17 Jul 96 02:23:25 -0700") << utc(1996, 7, 17, 9, 23, 25) << -25200;
    QTest::newRow("two-digit-year-2000s") << QByteArray("1 Feb 05 10:00:00 +0100") << utc(2005, 2, 1, 9, 0, 0) << 3600;
    QTest::newRow("gmt") << QByteArray("Tue, 1 Jul 2003 10:52:37 GMT") << utc(2003, 7, 1, 10, 52, 37) << 0;
    QTest::newRow("ut") << QByteArray("Tue, 1 Jul 2003 10:52:37 UT") << utc(2003, 7, 1, 10, 52, 37) << 0;
    QTest::newRow("us-zone-est") << QByteArray("Mon, 2 Jan 2006 15:04:05 EST") << utc(2006, 1, 2, 20, 4, 5) << -18000;
    QTest::newRow("missing-seconds") << QByteArray("Tue, 1 Jul 2003 10:52 +0200") << utc(2003, 7, 1, 8, 52, 0) << 7200;
    QTest::newRow("lower-case-month-and-zone-comment")
        << QByteArray("tue, 01 jul 2003 10:52:37 +0200 (CEST)") << utc(2003, 7, 1, 8, 52, 37) << 7200;
    QTest::newRow("extra-whitespace") << QByteArray("  Tue,  1  Jul  2003  10:52:37   +0200  ")
                                      << utc(2003, 7, 1, 8, 52, 37) << 7200;
    QTest::newRow("asctime-via-gmime") << QByteArray("Tue Jul  1 10:52:37 2003") << utc(2003, 7, 1, 10, 52, 37) << 0;
    QTest::newRow("no-zone-via-gmime") << QByteArray("1 Jul 2003 10:52:37") << utc(2003, 7, 1, 10, 52, 37) << 0;
    QTest::newRow("garbage") << QByteArray("not a date at all") << QDateTime() << 0;
    // Shorter than "D Mon": the fast path must not read past the end (under ASan, or Qt with asserts).
    QTest::newRow("short-garbage") << QByteArray("x") << QDateTime() << 0;
    QTest::newRow("day-only") << QByteArray("17") << QDateTime() << 0;
    QTest::newRow("empty") << QByteArray() << QDateTime() << 0;
    QTest::newRow("february-31st") << QByteArray("31 Feb 2003 10:00:00 +0000") << QDateTime() << 0;
}

void TestImapResponseData::messageDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    QFETCH(int, offset);
    const QDateTime actual = parseMessageDate(text);
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(actual.toUTC(), expected);
        QCOMPARE(actual.offsetFromUtc(), offset);
    }
}

void TestImapResponseData::internalDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("rfc9051-example") << QByteArray("17-Jul-1996 02:44:25 -0700") << utc(1996, 7, 17, 9, 44, 25);
    QTest::newRow("space-padded-day") << QByteArray(" 1-Jan-2024 00:00:00 +0000") << utc(2024, 1, 1, 0, 0, 0);
    QTest::newRow("east-of-utc") << QByteArray("01-Mar-2024 01:30:00 +0200") << utc(2024, 2, 29, 23, 30, 0);
    QTest::newRow("bad-month") << QByteArray("17-Foo-1996 02:44:25 -0700") << QDateTime();
    QTest::newRow("missing-zone") << QByteArray("17-Jul-1996 02:44:25") << QDateTime();
    QTest::newRow("rfc5322-form") << QByteArray("Wed, 17 Jul 1996 02:44:25 -0700") << QDateTime();
    QTest::newRow("garbage") << QByteArray("x") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void TestImapResponseData::internalDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const QDateTime actual = parseInternalDate(text);
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(actual.toUTC(), expected);
    }
}

QTEST_GUILESS_MAIN(TestImapResponseData)
#include "tst_imap_response_data.moc"
