<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Satchel::Accounts::PasswordVault</name>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="271"/>
        <source>No password is stored for this account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::AccountDialog</name>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="41"/>
        <source>the connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="48"/>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="64"/>
        <source>Passwords and mail will cross the network unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="68"/>
        <source>Downloaded mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="70"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="71"/>
        <source>Delete messages from the server once they are saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="72"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="78"/>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="81"/>
        <source>IMAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="82"/>
        <source>POP3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="85"/>
        <source>e.g. Work mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="87"/>
        <source>mail.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="93"/>
        <source>Implicit TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="94"/>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="95"/>
        <source>Plain (no encryption)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="117"/>
        <source>Maildir folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="122"/>
        <source>Account type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="123"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="124"/>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="125"/>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="126"/>
        <source>Security:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="128"/>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="129"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="192"/>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="298"/>
        <source>Maildir folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="355"/>
        <source>Enter the password to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="370"/>
        <source>Connecting to %1:%2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="389"/>
        <source>Waiting for your decision about the certificate of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="398"/>
        <source>Logging in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="409"/>
        <source>Logged in to %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="418"/>
        <source>You did not trust the certificate of %1, so nothing was sent to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::CertificateDialog</name>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="39"/>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="45"/>
        <source>Satchel cannot confirm that the server at %1 is who it claims to be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="56"/>
        <source>Its certificate is not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="62"/>
        <source>Its certificate is not trusted because:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="72"/>
        <source>Issued to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="74"/>
        <source>Valid for names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="75"/>
        <source>Issued by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="79"/>
        <source>Valid from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="81"/>
        <source>(not valid yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="85"/>
        <source>Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="87"/>
        <source>(expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="91"/>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="94"/>
        <source>Key pin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="98"/>
        <source>Compare the fingerprint with the one your provider publishes. &quot;Trust permanently&quot; remembers this server&apos;s key: Satchel connects without asking while the key stays the same, and refuses if it ever changes. &quot;Trust once&quot; accepts it for this connection only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="109"/>
        <source>Trust permanently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="111"/>
        <source>Trust once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="129"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::FolderTreeModel</name>
    <message>
        <location filename="../ui/mail/FolderTreeModel.cpp" line="331"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/FolderTreeModel.cpp" line="340"/>
        <source>%1, %2 unread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MailAccounts</name>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="64"/>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="65"/>
        <source>Password for %1 on %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="268"/>
        <source>Satchel has no password for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="284"/>
        <source>The account was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="323"/>
        <source>%1 is not connected: no password was given. Use Get New Mail to enter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="343"/>
        <source>The account connected again with a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="361"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="375"/>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="391"/>
        <source>The server of %1 says: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="434"/>
        <source>%1 is offline; the change is shown here and sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="443"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="464"/>
        <source>%1 refused the password: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="481"/>
        <source>%1 is not connected: %2 Use Get New Mail to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="484"/>
        <source>%1 is not connected: %2 Trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="496"/>
        <source>%1 is not connected: Satchel has no password for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="523"/>
        <source>Working on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="538"/>
        <source>Waiting for your decision about the certificate of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="588"/>
        <source>You did not trust the certificate of %1, so Satchel did not log in to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MailController</name>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="115"/>
        <source>&amp;Get New Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="116"/>
        <source>Mark as &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="117"/>
        <source>Mark as &amp;Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="118"/>
        <source>&amp;Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="119"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="120"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="140"/>
        <source>Puts the messages of the last move or delete back where they were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="179"/>
        <source>Checking %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="192"/>
        <source>Satchel has no password for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="199"/>
        <source>Listing the folders of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="221"/>
        <source>Marking %n message(s) as read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="228"/>
        <source>Marking %n message(s) as unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="244"/>
        <source>Removing the flag from %n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="246"/>
        <source>Flagging %n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="266"/>
        <location filename="../ui/mail/MailController.cpp" line="656"/>
        <source>Messages can be moved only between folders of one account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="276"/>
        <source>Messages can be copied only between folders of one account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="294"/>
        <source>%1 has no folder %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="302"/>
        <source>Moving %n message(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="305"/>
        <source>Moving %n message(s) back to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="308"/>
        <source>Copying %n message(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="311"/>
        <source>Deleting %n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="312"/>
        <source>Moving %n message(s) to the trash</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="368"/>
        <source>Finding the %n moved message(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="391"/>
        <source>Searching %1 for “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="413"/>
        <source>&amp;Move To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="483"/>
        <source>This message cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="491"/>
        <source>Marking the message as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="502"/>
        <source>Nothing to undo: the messages are no longer in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="513"/>
        <source>%n message(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="546"/>
        <source>Undone: %n message(s) moved back to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="549"/>
        <source>Deleted %n message(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="551"/>
        <source>Moved %n message(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="553"/>
        <source>Undo puts them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="561"/>
        <source>Copied %n message(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="579"/>
        <source>%1 did not work: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="637"/>
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="639"/>
        <source>%n new message(s) for %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="860"/>
        <source>Opening a message in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="43"/>
        <source>Satchel</source>
        <translation>Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="71"/>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="71"/>
        <source>Mail accounts and FTP sites appear here once you add them.</source>
        <translation>E-Mail-Konten und FTP-Server erscheinen hier, sobald Sie sie hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="103"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="156"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="156"/>
        <source>Choose a folder to see its messages.</source>
        <translation>Wählen Sie einen Ordner, um seine Nachrichten zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="167"/>
        <source>Reader</source>
        <translation>Lesebereich</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="167"/>
        <source>Choose a message to read it here.</source>
        <translation>Wählen Sie eine Nachricht, um sie hier zu lesen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="185"/>
        <source>Search subject or sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="186"/>
        <source>Asks the server; Return searches at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="193"/>
        <source>Local files</source>
        <translation>Lokale Dateien</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="193"/>
        <source>Files on this computer.</source>
        <translation>Dateien auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="195"/>
        <source>Remote files</source>
        <translation>Entfernte Dateien</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="195"/>
        <source>Connect to an FTP site to browse it.</source>
        <translation>Verbinden Sie sich mit einem FTP-Server, um ihn zu durchsuchen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="202"/>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="202"/>
        <source>Drag files between the panes to queue transfers.</source>
        <translation>Ziehen Sie Dateien zwischen den Bereichen, um Übertragungen einzureihen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="236"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="238"/>
        <source>&amp;Add Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="243"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="248"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="250"/>
        <source>&amp;Status Bar</source>
        <translation>&amp;Statusleiste</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="255"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="257"/>
        <source>&amp;About Satchel</source>
        <translation>Ü&amp;ber Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="264"/>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="298"/>
        <source>%n request(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="325"/>
        <source>The account could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="327"/>
        <source>%1 is saved. POP3 accounts do not appear in the folder tree yet; satchel-cli pop3 fetches their mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="336"/>
        <source>About Satchel</source>
        <translation>Über Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="337"/>
        <source>&lt;h3&gt;Satchel %1&lt;/h3&gt;&lt;p&gt;Mail over IMAP and POP3, files over FTP and FTPS, in one window.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Satchel %1&lt;/h3&gt;&lt;p&gt;E-Mail über IMAP und POP3, Dateien über FTP und FTPS, in einem Fenster.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MessageListModel</name>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="525"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="549"/>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="549"/>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="551"/>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="553"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="555"/>
        <source>Marked as deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="557"/>
        <source>Has attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="568"/>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="571"/>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="656"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="658"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="660"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="662"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="668"/>
        <source>Flagged and unread</source>
        <translation type="unfinished"></translation>
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
        <location filename="../ui/mail/MessageReader.cpp" line="102"/>
        <location filename="../ui/mail/MessageReader.cpp" line="107"/>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="119"/>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="119"/>
        <source>Open this address in your web browser?

%1</source>
        <translation>Diese Adresse im Webbrowser öffnen?

%1</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="159"/>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="160"/>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="161"/>
        <source>Cc:</source>
        <translation>Kopie:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="162"/>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="163"/>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MessageReader.cpp" line="230"/>
        <source>%n remote item(s) blocked to protect your privacy.</source>
        <translation>
            <numerusform>%n externer Inhalt zum Schutz Ihrer Privatsphäre blockiert.</numerusform>
            <numerusform>%n externe Inhalte zum Schutz Ihrer Privatsphäre blockiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="302"/>
        <source>No message is shown.</source>
        <translation>Es wird keine Nachricht angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="308"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="327"/>
        <source>Open Attachment</source>
        <translation>Anhang öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageReader.cpp" line="341"/>
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
