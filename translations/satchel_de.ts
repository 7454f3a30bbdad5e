<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Satchel::Ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="18"/>
        <source>Satchel</source>
        <translation>Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22"/>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22"/>
        <source>Mail accounts and FTP sites appear here once you add them.</source>
        <translation>E-Mail-Konten und FTP-Server erscheinen hier, sobald Sie sie hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="40"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="46"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="46"/>
        <source>Choose a folder to see its messages.</source>
        <translation>Wählen Sie einen Ordner, um seine Nachrichten zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="48"/>
        <source>Reader</source>
        <translation>Lesebereich</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="48"/>
        <source>Choose a message to read it here.</source>
        <translation>Wählen Sie eine Nachricht, um sie hier zu lesen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <source>Local files</source>
        <translation>Lokale Dateien</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <source>Files on this computer.</source>
        <translation>Dateien auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="62"/>
        <source>Remote files</source>
        <translation>Entfernte Dateien</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="62"/>
        <source>Connect to an FTP site to browse it.</source>
        <translation>Verbinden Sie sich mit einem FTP-Server, um ihn zu durchsuchen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="69"/>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="69"/>
        <source>Drag files between the panes to queue transfers.</source>
        <translation>Ziehen Sie Dateien zwischen den Bereichen, um Übertragungen einzureihen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="83"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="85"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="90"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="92"/>
        <source>&amp;Status Bar</source>
        <translation>&amp;Statusleiste</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="97"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="99"/>
        <source>&amp;About Satchel</source>
        <translation>Ü&amp;ber Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="106"/>
        <source>About Satchel</source>
        <translation>Über Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107"/>
        <source>&lt;h3&gt;Satchel %1&lt;/h3&gt;&lt;p&gt;Mail over IMAP and POP3, files over FTP and FTPS, in one window.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Satchel %1&lt;/h3&gt;&lt;p&gt;E-Mail über IMAP und POP3, Dateien über FTP und FTPS, in einem Fenster.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MessageReader</name>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="49"/>
        <source>Show remote content</source>
        <translation>Externe Inhalte anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="50"/>
        <source>Always for this sender</source>
        <translation>Immer für diesen Absender</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="76"/>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="80"/>
        <source>View source</source>
        <translation>Quelltext anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="95"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="96"/>
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="103"/>
        <location filename="../ui/mail/MessageReader.cpp" line="108"/>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="119"/>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="120"/>
        <source>Open this address in your web browser?

%1</source>
        <translation>Diese Adresse im Webbrowser öffnen?

%1</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="160"/>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="161"/>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="162"/>
        <source>Cc:</source>
        <translation>Kopie:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="163"/>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="164"/>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MessageReader.cpp" line="229"/>
        <source>%n remote item(s) blocked to protect your privacy.</source>
        <translation>
            <numerusform>%n externer Inhalt zum Schutz Ihrer Privatsphäre blockiert.</numerusform>
            <numerusform>%n externe Inhalte zum Schutz Ihrer Privatsphäre blockiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="301"/>
        <source>No message is shown.</source>
        <translation>Es wird keine Nachricht angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="307"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="326"/>
        <source>Open Attachment</source>
        <translation>Anhang öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="340"/>
        <source>Message Source</source>
        <translation>Quelltext der Nachricht</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="39"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
</TS>
