<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Satchel::Accounts::PasswordVault</name>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="271"/>
        <source>No password is stored for this account.</source>
        <translation>Für dieses Konto ist kein Passwort gespeichert.</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::AccountDialog</name>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="41"/>
        <source>the connection failed</source>
        <translation>die Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="48"/>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="64"/>
        <source>Passwords and mail will cross the network unencrypted.</source>
        <translation>Passwörter und Nachrichten werden unverschlüsselt über das Netzwerk übertragen.</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="68"/>
        <source>Downloaded mail</source>
        <translation>Heruntergeladene Nachrichten</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="70"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="71"/>
        <source>Delete messages from the server once they are saved</source>
        <translation>Nachrichten nach dem Speichern vom Server löschen</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="72"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="78"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="81"/>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="82"/>
        <source>POP3</source>
        <translation>POP3</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="85"/>
        <source>e.g. Work mail</source>
        <translation>z. B. Dienstliche E-Mail</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="87"/>
        <source>mail.example.org</source>
        <translation>mail.example.org</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="93"/>
        <source>Implicit TLS</source>
        <translation>Implizites TLS</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="94"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="95"/>
        <source>Plain (no encryption)</source>
        <translation>Klartext (keine Verschlüsselung)</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="117"/>
        <source>Maildir folder:</source>
        <translation>Maildir-Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="122"/>
        <source>Account type:</source>
        <translation>Kontotyp:</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="123"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="124"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="125"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="126"/>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="128"/>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="129"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="192"/>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="298"/>
        <source>Maildir folder</source>
        <translation>Maildir-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="355"/>
        <source>Enter the password to test the connection.</source>
        <translation>Geben Sie das Passwort ein, um die Verbindung zu testen.</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="370"/>
        <source>Connecting to %1:%2…</source>
        <translation>Verbindung zu %1:%2 wird hergestellt …</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="389"/>
        <source>Waiting for your decision about the certificate of %1…</source>
        <translation>Warten auf Ihre Entscheidung zum Zertifikat von %1 …</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="398"/>
        <source>Logging in to %1…</source>
        <translation>Anmeldung bei %1 …</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="409"/>
        <source>Logged in to %1 as %2.</source>
        <translation>Bei %1 als %2 angemeldet.</translation>
    </message>
    <message>
        <location filename="../ui/mail/AccountDialog.cpp" line="418"/>
        <source>You did not trust the certificate of %1, so nothing was sent to it.</source>
        <translation>Sie haben dem Zertifikat von %1 nicht vertraut, daher wurde nichts an den Server gesendet.</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::CertificateDialog</name>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="39"/>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="45"/>
        <source>Satchel cannot confirm that the server at %1 is who it claims to be.</source>
        <translation>Satchel kann nicht bestätigen, dass der Server unter %1 tatsächlich der ist, für den er sich ausgibt.</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="56"/>
        <source>Its certificate is not trusted.</source>
        <translation>Sein Zertifikat ist nicht vertrauenswürdig.</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="62"/>
        <source>Its certificate is not trusted because:</source>
        <translation>Sein Zertifikat ist aus folgenden Gründen nicht vertrauenswürdig:</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="72"/>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="74"/>
        <source>Valid for names:</source>
        <translation>Gültig für Namen:</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="75"/>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="79"/>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="81"/>
        <source>(not valid yet)</source>
        <translation>(noch nicht gültig)</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="85"/>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="87"/>
        <source>(expired)</source>
        <translation>(abgelaufen)</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="91"/>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="94"/>
        <source>Key pin:</source>
        <translation>Schlüssel-Pin:</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="98"/>
        <source>Compare the fingerprint with the one your provider publishes. &quot;Trust permanently&quot; remembers this server&apos;s key: Satchel connects without asking while the key stays the same, and refuses if it ever changes. &quot;Trust once&quot; accepts it for this connection only.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den Ihr Anbieter veröffentlicht. „Dauerhaft vertrauen“ merkt sich den Schlüssel dieses Servers: Satchel verbindet sich ohne Nachfrage, solange der Schlüssel gleich bleibt, und verweigert die Verbindung, falls er sich jemals ändert. „Einmal vertrauen“ akzeptiert ihn nur für diese Verbindung.</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="109"/>
        <source>Trust permanently</source>
        <translation>Dauerhaft vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="111"/>
        <source>Trust once</source>
        <translation>Einmal vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/common/CertificateDialog.cpp" line="129"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::FolderTreeModel</name>
    <message>
        <location filename="../ui/mail/FolderTreeModel.cpp" line="331"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location filename="../ui/mail/FolderTreeModel.cpp" line="340"/>
        <source>%1, %2 unread</source>
        <translation>%1, %2 ungelesen</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MailAccounts</name>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="64"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="65"/>
        <source>Password for %1 on %2:</source>
        <translation>Passwort für %1 auf %2:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="268"/>
        <source>Satchel has no password for %1.</source>
        <translation>Satchel hat kein Passwort für %1.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="284"/>
        <source>The account was closed.</source>
        <translation>Das Konto wurde geschlossen.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="323"/>
        <source>%1 is not connected: no password was given. Use Get New Mail to enter one.</source>
        <translation>%1 ist nicht verbunden: Es wurde kein Passwort angegeben. Verwenden Sie „Neue Nachrichten abrufen“, um eines einzugeben.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="343"/>
        <source>The account connected again with a new password.</source>
        <translation>Das Konto hat sich mit einem neuen Passwort erneut verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="361"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="375"/>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="391"/>
        <source>The server of %1 says: %2</source>
        <translation>Der Server von %1 meldet: %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="434"/>
        <source>%1 is offline; the change is shown here and sent when it is back.</source>
        <translation>%1 ist offline; die Änderung wird hier angezeigt und übertragen, sobald die Verbindung wieder besteht.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="443"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="464"/>
        <source>%1 refused the password: %2</source>
        <translation>%1 hat das Passwort abgelehnt: %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="481"/>
        <source>%1 is not connected: %2 Use Get New Mail to try again.</source>
        <translation>%1 ist nicht verbunden: %2 Verwenden Sie „Neue Nachrichten abrufen“, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="484"/>
        <source>%1 is not connected: %2 Trying again…</source>
        <translation>%1 ist nicht verbunden: %2 Neuer Versuch …</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="496"/>
        <source>%1 is not connected: Satchel has no password for it.</source>
        <translation>%1 ist nicht verbunden: Satchel hat kein Passwort dafür.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="523"/>
        <source>Working on %1</source>
        <translation>Vorgang für %1</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="538"/>
        <source>Waiting for your decision about the certificate of %1…</source>
        <translation>Warten auf Ihre Entscheidung zum Zertifikat von %1 …</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="588"/>
        <source>You did not trust the certificate of %1, so Satchel did not log in to %2.</source>
        <translation>Sie haben dem Zertifikat von %1 nicht vertraut, daher hat sich Satchel nicht bei %2 angemeldet.</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MailController</name>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="115"/>
        <source>&amp;Get New Mail</source>
        <translation>Neue Nachrichten &amp;abrufen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="116"/>
        <source>Mark as &amp;Read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="117"/>
        <source>Mark as &amp;Unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="118"/>
        <source>&amp;Flag</source>
        <translation>&amp;Kennzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="119"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="120"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="140"/>
        <source>Puts the messages of the last move or delete back where they were</source>
        <translation>Stellt die Nachrichten des letzten Verschiebens oder Löschens an ihren ursprünglichen Ort zurück</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="179"/>
        <source>Checking %1 of %2</source>
        <translation>Prüfen von %1 in %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="192"/>
        <source>Satchel has no password for %1.</source>
        <translation>Satchel hat kein Passwort für %1.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="199"/>
        <source>Listing the folders of %1</source>
        <translation>Auflisten der Ordner von %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="221"/>
        <source>Marking %n message(s) as read</source>
        <translation>
            <numerusform>Markieren von %n Nachricht als gelesen</numerusform>
            <numerusform>Markieren von %n Nachrichten als gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="228"/>
        <source>Marking %n message(s) as unread</source>
        <translation>
            <numerusform>Markieren von %n Nachricht als ungelesen</numerusform>
            <numerusform>Markieren von %n Nachrichten als ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="244"/>
        <source>Removing the flag from %n message(s)</source>
        <translation>
            <numerusform>Entfernen der Kennzeichnung von %n Nachricht</numerusform>
            <numerusform>Entfernen der Kennzeichnung von %n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="246"/>
        <source>Flagging %n message(s)</source>
        <translation>
            <numerusform>Kennzeichnen von %n Nachricht</numerusform>
            <numerusform>Kennzeichnen von %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="266"/>
        <location filename="../ui/mail/MailController.cpp" line="656"/>
        <source>Messages can be moved only between folders of one account.</source>
        <translation>Nachrichten können nur zwischen Ordnern desselben Kontos verschoben werden.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="276"/>
        <source>Messages can be copied only between folders of one account.</source>
        <translation>Nachrichten können nur zwischen Ordnern desselben Kontos kopiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="294"/>
        <source>%1 has no folder %2.</source>
        <translation>%1 hat keinen Ordner %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="302"/>
        <source>Moving %n message(s) to %1</source>
        <translation>
            <numerusform>Verschieben von %n Nachricht nach %1</numerusform>
            <numerusform>Verschieben von %n Nachrichten nach %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="305"/>
        <source>Moving %n message(s) back to %1</source>
        <translation>
            <numerusform>Zurückverschieben von %n Nachricht nach %1</numerusform>
            <numerusform>Zurückverschieben von %n Nachrichten nach %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="308"/>
        <source>Copying %n message(s) to %1</source>
        <translation>
            <numerusform>Kopieren von %n Nachricht nach %1</numerusform>
            <numerusform>Kopieren von %n Nachrichten nach %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="311"/>
        <source>Deleting %n message(s)</source>
        <translation>
            <numerusform>Löschen von %n Nachricht</numerusform>
            <numerusform>Löschen von %n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="312"/>
        <source>Moving %n message(s) to the trash</source>
        <translation>
            <numerusform>Verschieben von %n Nachricht in den Papierkorb</numerusform>
            <numerusform>Verschieben von %n Nachrichten in den Papierkorb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="368"/>
        <source>Finding the %n moved message(s) in %1</source>
        <translation>
            <numerusform>Suchen der %n verschobenen Nachricht in %1</numerusform>
            <numerusform>Suchen der %n verschobenen Nachrichten in %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="391"/>
        <source>Searching %1 for “%2”</source>
        <translation>Durchsuchen von %1 nach „%2“</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="413"/>
        <source>&amp;Move To</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="483"/>
        <source>This message cannot be shown: %1</source>
        <translation>Diese Nachricht kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="491"/>
        <source>Marking the message as read</source>
        <translation>Markieren der Nachricht als gelesen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="502"/>
        <source>Nothing to undo: the messages are no longer in %1.</source>
        <translation>Nichts rückgängig zu machen: Die Nachrichten befinden sich nicht mehr in %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="513"/>
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n Nachricht gefunden.</numerusform>
            <numerusform>%n Nachrichten gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="546"/>
        <source>Undone: %n message(s) moved back to %1.</source>
        <translation>
            <numerusform>Rückgängig gemacht: %n Nachricht nach %1 zurückverschoben.</numerusform>
            <numerusform>Rückgängig gemacht: %n Nachrichten nach %1 zurückverschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="549"/>
        <source>Deleted %n message(s).</source>
        <translation>
            <numerusform>%n Nachricht gelöscht.</numerusform>
            <numerusform>%n Nachrichten gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="551"/>
        <source>Moved %n message(s) to %1.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 verschoben.</numerusform>
            <numerusform>%n Nachrichten nach %1 verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="553"/>
        <source>Undo puts them back.</source>
        <translation>Mit „Rückgängig“ holen Sie sie zurück.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="561"/>
        <source>Copied %n message(s) to %1.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 kopiert.</numerusform>
            <numerusform>%n Nachrichten nach %1 kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="579"/>
        <source>%1 did not work: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="637"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="639"/>
        <source>%n new message(s) for %1</source>
        <translation>
            <numerusform>%n neue Nachricht für %1</numerusform>
            <numerusform>%n neue Nachrichten für %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="860"/>
        <source>Opening a message in %1</source>
        <translation>Öffnen einer Nachricht in %1</translation>
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
        <translation>Betreff oder Absender suchen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="186"/>
        <source>Asks the server; Return searches at once.</source>
        <translation>Fragt den Server ab; die Eingabetaste startet die Suche sofort.</translation>
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
        <translation>Konto &amp;hinzufügen …</translation>
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
        <translation>E-Mail</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="298"/>
        <source>%n request(s) running</source>
        <translation>
            <numerusform>%n Anfrage läuft</numerusform>
            <numerusform>%n Anfragen laufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="325"/>
        <source>The account could not be saved: %1</source>
        <translation>Das Konto konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="327"/>
        <source>%1 is saved. POP3 accounts do not appear in the folder tree yet; satchel-cli pop3 fetches their mail.</source>
        <translation>%1 ist gespeichert. POP3-Konten erscheinen noch nicht in der Ordnerliste; satchel-cli pop3 ruft ihre Nachrichten ab.</translation>
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
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="549"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="549"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="551"/>
        <source>Flagged</source>
        <translation>Gekennzeichnet</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="553"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="555"/>
        <source>Marked as deleted</source>
        <translation>Zum Löschen markiert</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="557"/>
        <source>Has attachments</source>
        <translation>Mit Anhängen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="568"/>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="571"/>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="656"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="658"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="660"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="662"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModel.cpp" line="668"/>
        <source>Flagged and unread</source>
        <translation>Gekennzeichnet und ungelesen</translation>
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
