<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Satchel::Accounts::PasswordVault</name>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="289"/>
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
    <name>Satchel::Ui::ActivityView</name>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="22"/>
        <source>&amp;Cancel Request</source>
        <translation>Anfrage &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="25"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="27"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="27"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="27"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="40"/>
        <source>What the mail accounts are working on:</source>
        <translation>Woran die Mailkonten gerade arbeiten:</translation>
    </message>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="59"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="59"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/mail/ActivityView.cpp" line="64"/>
        <source>Nothing is running.</source>
        <translation>Es läuft nichts.</translation>
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
    <name>Satchel::Ui::FileArea</name>
    <message>
        <location filename="../ui/files/FileArea.cpp" line="31"/>
        <source>Disconnect</source>
        <translation>Verbindung trennen</translation>
    </message>
    <message>
        <location filename="../ui/files/FileArea.cpp" line="34"/>
        <source>Sites…</source>
        <translation>Server …</translation>
    </message>
    <message>
        <location filename="../ui/files/FileArea.cpp" line="36"/>
        <source>The Site Manager: saved FTP sites</source>
        <translation>Der Servermanager: gespeicherte FTP-Server</translation>
    </message>
    <message>
        <location filename="../ui/files/FileArea.cpp" line="68"/>
        <source>Not connected. Choose a site, or connect quickly above.</source>
        <translation>Nicht verbunden. Wählen Sie einen Server aus oder nutzen Sie oben die Schnellverbindung.</translation>
    </message>
    <message>
        <location filename="../ui/files/FileArea.cpp" line="74"/>
        <source>%1 (not encrypted)</source>
        <translation>%1 (unverschlüsselt)</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::FileBrowserPane</name>
    <message>
        <location filename="../ui/files/FileBrowserPane.cpp" line="28"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../ui/files/FileBrowserPane.cpp" line="30"/>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <location filename="../ui/files/FileBrowserPane.cpp" line="32"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../ui/files/FileBrowserPane.cpp" line="34"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/files/FileBrowserPane.cpp" line="45"/>
        <source>Edit Path</source>
        <translation>Pfad bearbeiten</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::FileController</name>
    <message>
        <location filename="../ui/files/FileController.cpp" line="101"/>
        <source>Connect to the site to change its transfers.</source>
        <translation>Verbinden Sie sich mit dem Server, um seine Übertragungen zu ändern.</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="150"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="151"/>
        <source>Password for %1 on %2:</source>
        <translation>Passwort für %1 auf %2:</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="157"/>
        <source>Not connected to %1: no password.</source>
        <translation>Nicht mit %1 verbunden: Es wurde kein Passwort angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="195"/>
        <location filename="../ui/files/FileController.cpp" line="196"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="214"/>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="227"/>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="228"/>
        <source>Could not connect to %1: %2</source>
        <translation>Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/FileController.cpp" line="237"/>
        <source>Listing… %Ln entries</source>
        <translation>
            <numerusform>Wird aufgelistet … %Ln Eintrag</numerusform>
            <numerusform>Wird aufgelistet … %Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/FileController.cpp" line="246"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/FileController.cpp" line="248"/>
        <source>%n with names unsafe on this computer left out</source>
        <translation>
            <numerusform>%n Eintrag mit einem auf diesem Computer unsicheren Namen ausgelassen</numerusform>
            <numerusform>%n Einträge mit auf diesem Computer unsicheren Namen ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="265"/>
        <source>Cannot list %1: %2</source>
        <translation>%1 kann nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="316"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="328"/>
        <location filename="../ui/files/FileController.cpp" line="398"/>
        <source>Connect to an FTP site first.</source>
        <translation>Verbinden Sie sich zuerst mit einem FTP-Server.</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="349"/>
        <source>Listing %1…</source>
        <translation>%1 wird aufgelistet …</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="358"/>
        <source>Cannot create the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="370"/>
        <source>Cannot rename %1: %2</source>
        <translation>%1 kann nicht umbenannt werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="381"/>
        <source>Not everything could be deleted: %1</source>
        <translation>Nicht alles konnte gelöscht werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="406"/>
        <location filename="../ui/files/FileController.cpp" line="421"/>
        <source>Nothing was queued: %1</source>
        <translation>Es wurde nichts zur Warteschlange hinzugefügt: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="437"/>
        <source>Cannot make a folder for the dragged files in %1.</source>
        <translation>In %1 kann kein Ordner für die gezogenen Dateien angelegt werden.</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="485"/>
        <source>Downloading what you dragged…</source>
        <translation>Die gezogenen Dateien werden heruntergeladen …</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="503"/>
        <source>The dragged files could not be downloaded; nothing was dropped.</source>
        <translation>Die gezogenen Dateien konnten nicht heruntergeladen werden; es wurde nichts abgelegt.</translation>
    </message>
    <message>
        <location filename="../ui/files/FileController.cpp" line="506"/>
        <source>Dragged files downloaded.</source>
        <translation>Gezogene Dateien heruntergeladen.</translation>
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
    <name>Satchel::Ui::LocalFilePane</name>
    <message>
        <location filename="../ui/files/LocalFilePane.cpp" line="15"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../ui/files/LocalFilePane.cpp" line="32"/>
        <source>&amp;Upload</source>
        <translation>&amp;Hochladen</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MailAccounts</name>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="65"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="66"/>
        <source>Password for %1 on %2:</source>
        <translation>Passwort für %1 auf %2:</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="286"/>
        <source>Satchel has no password for %1.</source>
        <translation>Satchel hat kein Passwort für %1.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="302"/>
        <source>The account was closed.</source>
        <translation>Das Konto wurde geschlossen.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="341"/>
        <source>%1 is not connected: no password was given. Use Get New Mail to enter one.</source>
        <translation>%1 ist nicht verbunden: Es wurde kein Passwort angegeben. Verwenden Sie „Neue Nachrichten abrufen“, um eines einzugeben.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="361"/>
        <source>The account connected again with a new password.</source>
        <translation>Das Konto hat sich mit einem neuen Passwort erneut verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="384"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="398"/>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="414"/>
        <source>The server of %1 says: %2</source>
        <translation>Der Server von %1 meldet: %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="462"/>
        <source>%1 is offline; the change is shown here and sent when it is back.</source>
        <translation>%1 ist offline; die Änderung wird hier angezeigt und übertragen, sobald die Verbindung wieder besteht.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="471"/>
        <location filename="../ui/mail/MailAccounts.cpp" line="557"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="578"/>
        <source>%1 refused the password: %2</source>
        <translation>%1 hat das Passwort abgelehnt: %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="595"/>
        <source>%1 is not connected: %2 Use Get New Mail to try again.</source>
        <translation>%1 ist nicht verbunden: %2 Verwenden Sie „Neue Nachrichten abrufen“, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="598"/>
        <source>%1 is not connected: %2 Trying again…</source>
        <translation>%1 ist nicht verbunden: %2 Neuer Versuch …</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="610"/>
        <source>%1 keeps its mail in one local inbox: that is not possible there.</source>
        <translation>%1 bewahrt seine Post in einem lokalen Posteingang auf: Das ist dort nicht möglich.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="614"/>
        <source>%1 is not connected: Satchel has no password for it.</source>
        <translation>%1 ist nicht verbunden: Satchel hat kein Passwort dafür.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="645"/>
        <location filename="../ui/mail/MailAccounts.cpp" line="677"/>
        <source>Working on %1</source>
        <translation>Vorgang für %1</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="660"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="692"/>
        <source>Waiting for your decision about the certificate of %1…</source>
        <translation>Warten auf Ihre Entscheidung zum Zertifikat von %1 …</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailAccounts.cpp" line="747"/>
        <source>You did not trust the certificate of %1, so Satchel did not log in to %2.</source>
        <translation>Sie haben dem Zertifikat von %1 nicht vertraut, daher hat sich Satchel nicht bei %2 angemeldet.</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MailController</name>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="112"/>
        <source>&amp;Get New Mail</source>
        <translation>Neue Nachrichten &amp;abrufen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="113"/>
        <source>Mark as &amp;Read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="114"/>
        <source>Mark as &amp;Unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="115"/>
        <source>&amp;Flag</source>
        <translation>&amp;Kennzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="116"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="117"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="137"/>
        <source>Puts the messages of the last move or delete back where they were</source>
        <translation>Stellt die Nachrichten des letzten Verschiebens oder Löschens an ihren ursprünglichen Ort zurück</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="178"/>
        <source>Checking %1 of %2</source>
        <translation>Prüfen von %1 in %2</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="48"/>
        <source>Satchel has no password for %1.</source>
        <translation>Satchel hat kein Passwort für %1.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="54"/>
        <source>Getting new mail for %1</source>
        <translation>Neue Post für %1 wird abgerufen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="61"/>
        <source>Listing the folders of %1</source>
        <translation>Auflisten der Ordner von %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="85"/>
        <source>Marking %n message(s) as read</source>
        <translation>
            <numerusform>Markieren von %n Nachricht als gelesen</numerusform>
            <numerusform>Markieren von %n Nachrichten als gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="92"/>
        <source>Marking %n message(s) as unread</source>
        <translation>
            <numerusform>Markieren von %n Nachricht als ungelesen</numerusform>
            <numerusform>Markieren von %n Nachrichten als ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="108"/>
        <source>Removing the flag from %n message(s)</source>
        <translation>
            <numerusform>Entfernen der Kennzeichnung von %n Nachricht</numerusform>
            <numerusform>Entfernen der Kennzeichnung von %n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="110"/>
        <source>Flagging %n message(s)</source>
        <translation>
            <numerusform>Kennzeichnen von %n Nachricht</numerusform>
            <numerusform>Kennzeichnen von %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="130"/>
        <location filename="../ui/mail/MailControllerViews.cpp" line="48"/>
        <source>Messages can be moved only between folders of one account.</source>
        <translation>Nachrichten können nur zwischen Ordnern desselben Kontos verschoben werden.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="140"/>
        <source>Messages can be copied only between folders of one account.</source>
        <translation>Nachrichten können nur zwischen Ordnern desselben Kontos kopiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="158"/>
        <source>%1 has no folder %2.</source>
        <translation>%1 hat keinen Ordner %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="166"/>
        <source>Moving %n message(s) to %1</source>
        <translation>
            <numerusform>Verschieben von %n Nachricht nach %1</numerusform>
            <numerusform>Verschieben von %n Nachrichten nach %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="169"/>
        <source>Moving %n message(s) back to %1</source>
        <translation>
            <numerusform>Zurückverschieben von %n Nachricht nach %1</numerusform>
            <numerusform>Zurückverschieben von %n Nachrichten nach %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="172"/>
        <source>Copying %n message(s) to %1</source>
        <translation>
            <numerusform>Kopieren von %n Nachricht nach %1</numerusform>
            <numerusform>Kopieren von %n Nachrichten nach %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="175"/>
        <source>Deleting %n message(s)</source>
        <translation>
            <numerusform>Löschen von %n Nachricht</numerusform>
            <numerusform>Löschen von %n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="176"/>
        <source>Moving %n message(s) to the trash</source>
        <translation>
            <numerusform>Verschieben von %n Nachricht in den Papierkorb</numerusform>
            <numerusform>Verschieben von %n Nachrichten in den Papierkorb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="235"/>
        <source>Finding the %n moved message(s) in %1</source>
        <translation>
            <numerusform>Suchen der %n verschobenen Nachricht in %1</numerusform>
            <numerusform>Suchen der %n verschobenen Nachrichten in %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="258"/>
        <source>Searching %1 for “%2”</source>
        <translation>Durchsuchen von %1 nach „%2“</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="281"/>
        <source>&amp;Move To</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="242"/>
        <source>This message cannot be shown: %1</source>
        <translation>Diese Nachricht kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="250"/>
        <source>Marking the message as read</source>
        <translation>Markieren der Nachricht als gelesen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerOperations.cpp" line="307"/>
        <source>Nothing to undo: the messages are no longer in %1.</source>
        <translation>Nichts rückgängig zu machen: Die Nachrichten befinden sich nicht mehr in %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailControllerOperations.cpp" line="318"/>
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n Nachricht gefunden.</numerusform>
            <numerusform>%n Nachrichten gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="285"/>
        <source>Undone: %n message(s) moved back to %1.</source>
        <translation>
            <numerusform>Rückgängig gemacht: %n Nachricht nach %1 zurückverschoben.</numerusform>
            <numerusform>Rückgängig gemacht: %n Nachrichten nach %1 zurückverschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="288"/>
        <source>Deleted %n message(s).</source>
        <translation>
            <numerusform>%n Nachricht gelöscht.</numerusform>
            <numerusform>%n Nachrichten gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="290"/>
        <source>Moved %n message(s) to %1.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 verschoben.</numerusform>
            <numerusform>%n Nachrichten nach %1 verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="292"/>
        <source>Undo puts them back.</source>
        <translation>Mit „Rückgängig“ holen Sie sie zurück.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="300"/>
        <source>Copied %n message(s) to %1.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 kopiert.</numerusform>
            <numerusform>%n Nachrichten nach %1 kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailController.cpp" line="318"/>
        <source>%1 did not work: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="376"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mail/MailController.cpp" line="378"/>
        <source>%n new message(s) for %1</source>
        <translation>
            <numerusform>%n neue Nachricht für %1</numerusform>
            <numerusform>%n neue Nachrichten für %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mail/MailControllerViews.cpp" line="282"/>
        <source>Opening a message in %1</source>
        <translation>Öffnen einer Nachricht in %1</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="51"/>
        <source>Satchel</source>
        <translation>Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>Mail accounts and FTP sites appear here once you add them.</source>
        <translation>E-Mail-Konten und FTP-Server erscheinen hier, sobald Sie sie hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="116"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>Choose a folder to see its messages.</source>
        <translation>Wählen Sie einen Ordner, um seine Nachrichten zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183"/>
        <source>Reader</source>
        <translation>Lesebereich</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183"/>
        <source>Choose a message to read it here.</source>
        <translation>Wählen Sie eine Nachricht, um sie hier zu lesen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="201"/>
        <source>Search subject or sender</source>
        <translation>Betreff oder Absender suchen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="202"/>
        <source>Asks the server; Return searches at once.</source>
        <translation>Fragt den Server ab; die Eingabetaste startet die Suche sofort.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="250"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="252"/>
        <source>&amp;Add Account…</source>
        <translation>Konto &amp;hinzufügen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="255"/>
        <source>&amp;Site Manager…</source>
        <translation>&amp;Servermanager …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="261"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="266"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="268"/>
        <source>&amp;Status Bar</source>
        <translation>&amp;Statusleiste</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="272"/>
        <source>&amp;Threads</source>
        <translation>&amp;Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="276"/>
        <source>Show replies under the messages they answer</source>
        <translation>Antworten unter den Nachrichten zeigen, auf die sie antworten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="290"/>
        <source>&amp;Activity…</source>
        <translation>&amp;Aktivität …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="294"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="296"/>
        <source>&amp;About Satchel</source>
        <translation>Ü&amp;ber Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="303"/>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="341"/>
        <source>%n request(s) running</source>
        <translation>
            <numerusform>%n Anfrage läuft</numerusform>
            <numerusform>%n Anfragen laufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="378"/>
        <source>The account could not be saved: %1</source>
        <translation>Das Konto konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="381"/>
        <source>%1 is saved. Its inbox is in the folder tree; Get New Mail downloads its mail.</source>
        <translation>%1 ist gespeichert. Der Posteingang steht in der Ordnerliste; „Neue Nachrichten abrufen“ lädt die Post herunter.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="388"/>
        <source>About Satchel</source>
        <translation>Über Satchel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="389"/>
        <source>&lt;h3&gt;Satchel %1&lt;/h3&gt;&lt;p&gt;Mail over IMAP and POP3, files over FTP and FTPS, in one window.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Satchel %1&lt;/h3&gt;&lt;p&gt;E-Mail über IMAP und POP3, Dateien über FTP und FTPS, in einem Fenster.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::MessageListModel</name>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="306"/>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="330"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="330"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="332"/>
        <source>Flagged</source>
        <translation>Gekennzeichnet</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="334"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="336"/>
        <source>Marked as deleted</source>
        <translation>Zum Löschen markiert</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="338"/>
        <source>Has attachments</source>
        <translation>Mit Anhängen</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="349"/>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="352"/>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="439"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="441"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="443"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="445"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/mail/MessageListModelRows.cpp" line="451"/>
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
    <name>Satchel::Ui::OverwriteDialog</name>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="28"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Byte)</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="42"/>
        <source>Apply to all files in the queue</source>
        <translation>Auf alle Dateien in der Warteschlange anwenden</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="46"/>
        <source>File exists</source>
        <translation>Datei existiert bereits</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="51"/>
        <source>“%1” already exists</source>
        <translation>„%1“ existiert bereits</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="62"/>
        <source>Existing file:</source>
        <translation>Vorhandene Datei:</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="62"/>
        <location filename="../ui/files/OverwriteDialog.cpp" line="65"/>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="65"/>
        <source>New file:</source>
        <translation>Neue Datei:</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="67"/>
        <source>Local path:</source>
        <translation>Lokaler Pfad:</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="67"/>
        <source>Remote path:</source>
        <translation>Pfad auf dem Server:</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="73"/>
        <source>The existing file is smaller: it may be an interrupted copy, which Resume completes.</source>
        <translation>Die vorhandene Datei ist kleiner: Es kann sich um eine abgebrochene Kopie handeln, die „Fortsetzen“ vervollständigt.</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="82"/>
        <source>Answer the same for every other file of the queue that already exists</source>
        <translation>Dieselbe Antwort für alle weiteren bereits vorhandenen Dateien der Warteschlange verwenden</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="86"/>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="87"/>
        <source>Replace the existing file with the new one</source>
        <translation>Die vorhandene Datei durch die neue ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="88"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="89"/>
        <source>Keep the existing file as the start of the new one and transfer the rest</source>
        <translation>Die vorhandene Datei als Anfang der neuen behalten und nur den Rest übertragen</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="90"/>
        <source>The new file&apos;s size is not known, so a partial copy cannot be told apart</source>
        <translation>Die Größe der neuen Datei ist unbekannt, daher lässt sich eine unvollständige Kopie nicht erkennen</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="91"/>
        <source>The existing file is not smaller than the new one</source>
        <translation>Die vorhandene Datei ist nicht kleiner als die neue</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="94"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="95"/>
        <source>Keep both: the new file gets a free name such as “%1”</source>
        <translation>Beide behalten: Die neue Datei erhält einen freien Namen wie „%1“</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="97"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location filename="../ui/files/OverwriteDialog.cpp" line="98"/>
        <source>Leave the existing file and do not transfer this one</source>
        <translation>Die vorhandene Datei belassen und diese Datei nicht übertragen</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::QuickConnectBar</name>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="23"/>
        <source>A server name, or an address such as ftps://ftp.example.org:990 (implicit FTPS) or ftp://alice@ftp.example.org (FTPS with AUTH TLS).</source>
        <translation>Ein Servername oder eine Adresse wie ftps://ftp.example.org:990 (implizites FTPS) oder ftp://alice@ftp.example.org (FTPS mit AUTH TLS).</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="41"/>
        <source>%1 is not a port: ports go from 1 to 65535.</source>
        <translation>%1 ist kein gültiger Port: Ports reichen von 1 bis 65535.</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="56"/>
        <source>Satchel connects to FTP servers (ftp:// or ftps://), not to %1://.</source>
        <translation>Satchel verbindet sich mit FTP-Servern (ftp:// oder ftps://), nicht mit %1://.</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="62"/>
        <source>Enter the server to connect to.</source>
        <translation>Geben Sie den Server ein, mit dem Sie sich verbinden möchten.</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="73"/>
        <source>“%1” is not a server name or an FTP address.</source>
        <translation>„%1“ ist weder ein Servername noch eine FTP-Adresse.</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="76"/>
        <source>Type the password in the password field, not in the address.</source>
        <translation>Geben Sie das Passwort im Passwortfeld ein, nicht in der Adresse.</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="82"/>
        <source>Two users are given: “%1” in the address and “%2” in the user field.</source>
        <translation>Es wurden zwei Benutzer angegeben: „%1“ in der Adresse und „%2“ im Feld „Benutzername“.</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="87"/>
        <source>Two ports are given: %1 in the address and %2 in the port field.</source>
        <translation>Es wurden zwei Ports angegeben: %1 in der Adresse und %2 im Feld „Port“.</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="116"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="121"/>
        <source>ftps://host:port</source>
        <translation>ftps://server:port</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="129"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="141"/>
        <source>Host:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="142"/>
        <source>User:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="143"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/files/QuickConnectBar.cpp" line="144"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::RemoteFileModel</name>
    <message>
        <location filename="../ui/files/RemoteFileModel.cpp" line="157"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFileModel.cpp" line="159"/>
        <source>%L1 bytes</source>
        <translation>%L1 Byte</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFileModel.cpp" line="182"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFileModel.cpp" line="184"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFileModel.cpp" line="186"/>
        <source>Modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFileModel.cpp" line="188"/>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::RemoteFilePane</name>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="20"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="38"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="42"/>
        <source>New &amp;Folder…</source>
        <translation>Neuer &amp;Ordner …</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="46"/>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="55"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="59"/>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="63"/>
        <source>Down&amp;load</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="135"/>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="135"/>
        <source>Name of the new folder:</source>
        <translation>Name des neuen Ordners:</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="135"/>
        <source>New folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="140"/>
        <source>“%1” cannot be a folder name: it must be one name, without “/”.</source>
        <translation>„%1“ ist kein gültiger Ordnername: Er muss ein einzelner Name ohne „/“ sein.</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="154"/>
        <source>Delete “%1” from the server?</source>
        <translation>„%1“ vom Server löschen?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/RemoteFilePane.cpp" line="155"/>
        <source>Delete these %n items from the server?</source>
        <translation>
            <numerusform>%n Element vom Server löschen?</numerusform>
            <numerusform>Diese %n Elemente vom Server löschen?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="157"/>
        <source>Folders are deleted with everything in them.</source>
        <translation>Ordner werden mit ihrem gesamten Inhalt gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="171"/>
        <source>Path: %1</source>
        <translation>Pfad: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="174"/>
        <source>Type: folder</source>
        <translation>Typ: Ordner</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="177"/>
        <source>Type: link to %1</source>
        <translation>Typ: Link auf %1</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="177"/>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="180"/>
        <source>Type: file</source>
        <translation>Typ: Datei</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="183"/>
        <source>Type: other</source>
        <translation>Typ: Sonstiges</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="187"/>
        <source>Size: %1 (%L2 bytes)</source>
        <translation>Größe: %1 (%L2 Byte)</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="189"/>
        <source>Modified: %1</source>
        <translation>Zuletzt geändert: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="191"/>
        <location filename="../ui/files/RemoteFilePane.cpp" line="192"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="192"/>
        <source>Permissions: %1</source>
        <translation>Berechtigungen: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/RemoteFilePane.cpp" line="203"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::SiteManagerDialog</name>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="56"/>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="265"/>
        <source>New site</source>
        <translation>Neuer Server</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="57"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="58"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="64"/>
        <source>Passwords and files will cross the network unencrypted.</source>
        <translation>Passwörter und Dateien werden unverschlüsselt über das Netzwerk übertragen.</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="69"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="71"/>
        <source>Active mode (the server connects to this computer)</source>
        <translation>Aktiver Modus (der Server verbindet sich mit diesem Computer)</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="74"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="78"/>
        <source>Site Manager</source>
        <translation>Servermanager</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="93"/>
        <source>e.g. Web server</source>
        <translation>z. B. Webserver</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="95"/>
        <source>ftp.example.org</source>
        <translation>ftp.example.org</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="99"/>
        <source>Explicit FTPS (AUTH TLS)</source>
        <translation>Explizites FTPS (AUTH TLS)</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="100"/>
        <source>Implicit FTPS</source>
        <translation>Implizites FTPS</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="101"/>
        <source>Plain FTP — insecure</source>
        <translation>Unverschlüsseltes FTP – unsicher</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="115"/>
        <source>Your home folder</source>
        <translation>Ihr persönlicher Ordner</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="118"/>
        <source>The server&apos;s default</source>
        <translation>Standard des Servers</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="120"/>
        <source>Leave this off unless the server cannot be reached in passive mode: active mode needs this computer to accept connections from the server.</source>
        <translation>Lassen Sie diese Option ausgeschaltet, es sei denn, der Server ist im passiven Modus nicht erreichbar: Im aktiven Modus muss dieser Computer Verbindungen vom Server annehmen.</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="124"/>
        <source>How many files are transferred at the same time, each on its own connection.</source>
        <translation>Wie viele Dateien gleichzeitig übertragen werden, jede über eine eigene Verbindung.</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="132"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="133"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="134"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="135"/>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="137"/>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="138"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="140"/>
        <source>Local folder:</source>
        <translation>Lokaler Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="141"/>
        <source>Remote folder:</source>
        <translation>Ordner auf dem Server:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="143"/>
        <source>Parallel transfers:</source>
        <translation>Gleichzeitige Übertragungen:</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="176"/>
        <source>Delete site</source>
        <translation>Server löschen</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="176"/>
        <source>Delete the site “%1”? Its saved password is forgotten too.</source>
        <translation>Den Server „%1“ löschen? Sein gespeichertes Passwort wird ebenfalls gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="191"/>
        <source>Asked for when connecting</source>
        <translation>Wird beim Verbinden abgefragt</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="272"/>
        <source>%1 — plain FTP, insecure</source>
        <translation>%1 – unverschlüsseltes FTP, unsicher</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="473"/>
        <source>Copy of %1</source>
        <translation>Kopie von %1</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="544"/>
        <source>Enter the server to connect to.</source>
        <translation>Geben Sie den Server ein, mit dem Sie sich verbinden möchten.</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="553"/>
        <source>Choose a site to connect to, or make a new one.</source>
        <translation>Wählen Sie einen Server zum Verbinden aus oder legen Sie einen neuen an.</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="601"/>
        <source>(saved)</source>
        <translation>(gespeichert)</translation>
    </message>
    <message>
        <location filename="../ui/files/SiteManagerDialog.cpp" line="622"/>
        <source>Local folder</source>
        <translation>Lokaler Ordner</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::TransferQueueModel</name>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="234"/>
        <source>No transfers</source>
        <translation>Keine Übertragungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/TransferQueueModel.cpp" line="241"/>
        <source>%n queued</source>
        <translation>
            <numerusform>%n in der Warteschlange</numerusform>
            <numerusform>%n in der Warteschlange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/TransferQueueModel.cpp" line="242"/>
        <source>%n transferring</source>
        <translation>
            <numerusform>%n wird übertragen</numerusform>
            <numerusform>%n werden übertragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/TransferQueueModel.cpp" line="243"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n angehalten</numerusform>
            <numerusform>%n angehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/TransferQueueModel.cpp" line="244"/>
        <source>%n waiting for your answer</source>
        <translation>
            <numerusform>%n wartet auf Ihre Entscheidung</numerusform>
            <numerusform>%n warten auf Ihre Entscheidung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/TransferQueueModel.cpp" line="245"/>
        <source>%n done</source>
        <translation>
            <numerusform>%n abgeschlossen</numerusform>
            <numerusform>%n abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/TransferQueueModel.cpp" line="246"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/TransferQueueModel.cpp" line="247"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/files/TransferQueueModel.cpp" line="248"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="280"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="282"/>
        <source>Transferring</source>
        <translation>Wird übertragen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="284"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="286"/>
        <source>Done</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="288"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="288"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="290"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="293"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="293"/>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="296"/>
        <source>Waiting for your answer</source>
        <translation>Wartet auf Ihre Entscheidung</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="334"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="338"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="343"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="359"/>
        <source>Download from %1
to %2</source>
        <translation>Herunterladen von %1
nach %2</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="360"/>
        <source>Upload from %1
to %2</source>
        <translation>Hochladen von %1
nach %2</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="363"/>
        <source>The size is not known yet</source>
        <translation>Die Größe ist noch nicht bekannt</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="363"/>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="366"/>
        <source>%1 bytes transferred</source>
        <translation>%1 Byte übertragen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="367"/>
        <source>%1 of %2 bytes transferred</source>
        <translation>%1 von %2 Byte übertragen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="392"/>
        <source>Download: %1</source>
        <translation>Herunterladen: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="393"/>
        <source>Upload: %1</source>
        <translation>Hochladen: %1</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="428"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="430"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="432"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="434"/>
        <source>Rate</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="436"/>
        <source>Time left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueModel.cpp" line="438"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Satchel::Ui::TransferQueueView</name>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="85"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="85"/>
        <source>Pause the selected transfers</source>
        <translation>Die ausgewählten Übertragungen anhalten</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="87"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="87"/>
        <source>Resume the selected transfers</source>
        <translation>Die ausgewählten Übertragungen fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="89"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="89"/>
        <source>Cancel the selected transfers</source>
        <translation>Die ausgewählten Übertragungen abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="91"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="92"/>
        <source>Try the selected failed or cancelled transfers again</source>
        <translation>Die ausgewählten fehlgeschlagenen oder abgebrochenen Übertragungen erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="95"/>
        <source>Raise priority</source>
        <translation>Priorität erhöhen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="96"/>
        <source>Transfer the selected files sooner</source>
        <translation>Die ausgewählten Dateien früher übertragen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="97"/>
        <source>Lower priority</source>
        <translation>Priorität senken</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="98"/>
        <source>Transfer the selected files later</source>
        <translation>Die ausgewählten Dateien später übertragen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="101"/>
        <source>Clear finished</source>
        <translation>Abgeschlossene entfernen</translation>
    </message>
    <message>
        <location filename="../ui/files/TransferQueueView.cpp" line="102"/>
        <source>Remove the finished, failed, cancelled and skipped transfers from the list</source>
        <translation>Abgeschlossene, fehlgeschlagene, abgebrochene und übersprungene Übertragungen aus der Liste entfernen</translation>
    </message>
</context>
</TS>
