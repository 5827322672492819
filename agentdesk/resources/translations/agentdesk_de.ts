<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="63" />
        <source>Accounts</source>
        <extracomment>Runs a coroutine for the dialog and calls back with its result (the window's TaskRunner.run).</extracomment>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="82" />
        <source>Test connection</source>
        <extracomment>Opens the platform's sign-in page; tests put a browser of their own here.</extracomment>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="83" />
        <location filename="../../ui/accounts_dialog.py" line="172" />
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="84" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="100" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="124" />
        <source>Chatwoot address</source>
        <translation>Chatwoot-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="103" />
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="123" />
        <source>Chatwoot (team backend)</source>
        <translation>Chatwoot (Team-Backend)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="130" />
        <source>Mastodon</source>
        <translation>Mastodon</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="86" />
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="99" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="131" />
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="126" />
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="133" />
        <location filename="../../ui/accounts_dialog.py" line="141" />
        <source>Access token (optional)</source>
        <translation>Zugriffstoken (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="134" />
        <location filename="../../ui/accounts_dialog.py" line="142" />
        <source>empty: sign in with the browser</source>
        <translation>leer: im Browser anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="138" />
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="139" />
        <source>API address (optional)</source>
        <translation>API-Adresse (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="143" />
        <source>Client ID of your X app</source>
        <translation>Client-ID Ihrer X-App</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="144" />
        <source>from the X Developer Console</source>
        <translation>aus der X Developer Console</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="148" />
        <source>Bluesky</source>
        <translation>Bluesky</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="149" />
        <source>Server (PDS, optional)</source>
        <translation>Server (PDS, optional)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="150" />
        <source>found from the handle</source>
        <translation>wird über das Handle gefunden</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="151" />
        <source>App password</source>
        <translation>App-Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="152" />
        <source>Settings → Privacy and security → App passwords</source>
        <translation>in den Bluesky-Einstellungen unter App-Passwörter</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="153" />
        <source>Handle or e-mail</source>
        <translation>Handle oder E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="172" />
        <source>Sign in and add</source>
        <translation>Anmelden und hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="198" />
        <source>synced</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="200" />
        <source>syncing {0} of {1}</source>
        <translation>synchronisiere {0} von {1}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="202" />
        <source>syncing</source>
        <translation>synchronisiere</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="204" />
        <source>offline, trying again</source>
        <translation>offline, neuer Versuch folgt</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="206" />
        <source>needs sign-in</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="208" />
        <source>no access</source>
        <translation>kein Zugriff</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="209" />
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="228" />
        <location filename="../../ui/accounts_dialog.py" line="235" />
        <location filename="../../ui/accounts_dialog.py" line="246" />
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet …</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="235" />
        <location filename="../../ui/accounts_dialog.py" line="246" />
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Warte auf die Anmeldung im Browser …</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="268" />
        <source>Removed {0} and its access token.</source>
        <translation>{0} und sein Zugriffstoken wurden entfernt.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="59" />
        <source>Move aside and start fresh</source>
        <translation>Beiseitelegen und neu beginnen</translation>
    </message>
</context>
<context>
    <name>AttainmentChart</name>
    <message>
        <location filename="../../ui/chart_attainment.py" line="53" />
        <source>target met</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <location filename="../../ui/chart_attainment.py" line="53" />
        <source>below the target</source>
        <translation>unter dem Ziel</translation>
    </message>
    <message>
        <location filename="../../ui/chart_attainment.py" line="55" />
        <source>Answered in time</source>
        <translation>Rechtzeitig beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/chart_attainment.py" line="94" />
        <source>Target 100 %</source>
        <translation>Ziel 100 %</translation>
    </message>
    <message>
        <location filename="../../ui/chart_attainment.py" line="105" />
        <source>{name}: no request answered or overdue yet</source>
        <translation>{name}: noch keine Anfrage beantwortet oder überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/chart_attainment.py" line="108" />
        <source>{name}: {share} % answered in time</source>
        <translation>{name}: {share} % rechtzeitig beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/chart_attainment.py" line="115" />
        <source>{n} in time</source>
        <translation>{n} rechtzeitig</translation>
    </message>
    <message>
        <location filename="../../ui/chart_attainment.py" line="116" />
        <source>{n} late or unanswered past the target</source>
        <translation>{n} zu spät oder nach Ablauf des Ziels unbeantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/chart_attainment.py" line="117" />
        <source>{n} still within the target</source>
        <translation>{n} noch innerhalb des Ziels</translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="38" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="40" />
        <source>away</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="42" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <location filename="../../ui/charts_view.py" line="72" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="74" />
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="76" />
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="76" />
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="76" />
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="92" />
        <source>per day</source>
        <translation>je Tag</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="93" />
        <source>per agent</source>
        <translation>je Person</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="94" />
        <source>per channel</source>
        <translation>je Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="105" />
        <source>First response time</source>
        <translation>Erste Antwortzeit</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="106" />
        <source>SLA attainment</source>
        <translation>SLA-Erfüllung</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="107" />
        <source>Requests per hour of the week</source>
        <translation>Eingänge je Stunde und Wochentag</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="115" />
        <location filename="../../ui/charts_view.py" line="184" />
        <source>Counting the requests …</source>
        <translation>Anfragen werden gezählt …</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="125" />
        <location filename="../../ui/charts_view.py" line="257" />
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="141" />
        <source>Export CSV …</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="142" />
        <source>Save the numbers behind this chart as a CSV file</source>
        <translation>Die Zahlen hinter diesem Diagramm als CSV-Datei speichern</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="181" />
        <source>The end date is before the start date. Choose a later end date.</source>
        <translation>Das Enddatum liegt vor dem Anfangsdatum. Wählen Sie ein späteres Enddatum.</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="196" />
        <source>{from} to {to}</source>
        <translation>{from} bis {to}</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="203" />
        <source>No customer requests from {span}.</source>
        <translation>Keine Kundenanfragen vom {span}.</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="205" />
        <source>No customer requests in this range.</source>
        <translation>In diesem Zeitraum gibt es keine Kundenanfragen.</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="211" />
        <source>{n} customer requests from {span}.</source>
        <translation>{n} Kundenanfragen vom {span}.</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="214" />
        <source>{share} % answered within the target.</source>
        <translation>{share} % wurden innerhalb des Ziels beantwortet.</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="227" />
        <source>Day the request came in</source>
        <translation>Eingangstag der Anfrage</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="228" />
        <source>Assigned agent</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="229" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="236" />
        <source>MM/dd</source>
        <translation>dd.MM.</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="239" />
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="247" />
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="248" />
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="249" />
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="250" />
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="251" />
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="252" />
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="253" />
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="278" />
        <source>Export the numbers as CSV</source>
        <translation>Zahlen als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="278" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="294" />
        <source>The CSV file cannot be written ({reason}). Nothing was saved; choose another folder.</source>
        <translation>Die CSV-Datei kann nicht geschrieben werden ({reason}). Es wurde nichts gespeichert; wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../../ui/charts_view.py" line="300" />
        <source>Saved {n} rows to {file}.</source>
        <translation>{n} Zeilen in {file} gespeichert.</translation>
    </message>
</context>
<context>
    <name>ClockControl</name>
    <message>
        <location filename="../../ui/training_panel.py" line="113" />
        <source>Clock:</source>
        <translation>Uhr:</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="115" />
        <source>⏸ Pause</source>
        <translation>⏸ Pause</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="117" />
        <source>Pause the simulated clock</source>
        <translation>Simulierte Uhr anhalten</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="117" />
        <source>Simulated speed</source>
        <translation>Simulierte Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="135" />
        <source>Simulated time {time}</source>
        <translation>Simulierte Zeit {time}</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../ui/conversation_delegate.py" line="96" />
        <source>private</source>
        <extracomment>Badge colours and marks per service-level state (never colour alone: each has a mark). Priority marks (background, text, mark): the word always shows, the colour only adds to it.</extracomment>
        <translation>privat</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="31" />
        <source>Ctrl+K  Search all messages …</source>
        <translation>Strg+K  In allen Nachrichten suchen …</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="36" />
        <source>Due first</source>
        <translation>Fällige zuerst</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="37" />
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="38" />
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="39" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="40" />
        <source>Relevance</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="43" />
        <source>Sort order</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="61" />
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="68" />
        <location filename="../../ui/conversation_list.py" line="136" />
        <source>No conversations here.</source>
        <translation>Hier sind keine Gespräche.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_list.py" line="136" />
        <source>No results.</source>
        <translation>Keine Treffer.</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="47" />
        <source>Pick a conversation on the left (j / k).</source>
        <translation>Wählen Sie links ein Gespräch aus (j / k).</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="59" />
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="60" />
        <source>Assign to me (Shift+A)</source>
        <translation>Mir zuweisen (Umschalt+A)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="61" />
        <source>Resolve</source>
        <translation>Erledigen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="62" />
        <source>Resolve (e)</source>
        <translation>Als erledigt markieren (e)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="63" />
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="64" />
        <source>Mark as spam (s)</source>
        <translation>Als Spam markieren (s)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="65" />
        <source>Escalate …</source>
        <translation>Eskalieren …</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="66" />
        <source>Escalate to a team or person (Shift+E)</source>
        <translation>An ein Team oder eine Person eskalieren (Umschalt+E)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="73" />
        <source>Thread</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="125" />
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="125" />
        <source>private message</source>
        <translation>privat</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="139" />
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="140" />
        <source>waiting on customer</source>
        <translation>wartet auf Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="141" />
        <source>snoozed</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="142" />
        <source>resolved</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="143" />
        <source>spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="144" />
        <source>found by monitoring</source>
        <translation>vom Monitoring gefunden</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="147" />
        <source>assigned to me</source>
        <translation>mir zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="149" />
        <source>assigned to {name}</source>
        <translation>zugewiesen an {name}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="151" />
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="161" />
        <source>{n} followers</source>
        <translation>{n} Follower</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="163" />
        <source>addressed with Sie</source>
        <translation>Anrede: Sie</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="163" />
        <source>addressed with du</source>
        <translation>Anrede: du</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="165" />
        <source>{n} earlier conversations</source>
        <translation>{n} frühere Gespräche</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="167" />
        <source>first conversation</source>
        <translation>erstes Gespräch</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="40" />
        <source>● {name}: synced · live</source>
        <translation>● {name}: synchron · live</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="42" />
        <source>● {name}: synced · polling</source>
        <translation>● {name}: synchron · per Abruf</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="44" />
        <source>● {name}: synced</source>
        <translation>● {name}: synchron</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="47" />
        <source>↻ {name}: syncing {n}</source>
        <translation>↻ {name}: synchronisiert {n}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="50" />
        <source>○ {name}: offline since {time}</source>
        <translation>○ {name}: offline seit {time}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="52" />
        <source>⛔ {name}: sign in again</source>
        <translation>⛔ {name}: bitte erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="54" />
        <source>⛔ {name}: no access</source>
        <translation>⛔ {name}: kein Zugriff</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="56" />
        <source>⛔ {name}: stopped</source>
        <translation>⛔ {name}: angehalten</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="60" />
        <source>Outbox: {n} waiting</source>
        <translation>Ausgang: {n} wartend</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="62" />
        <source>{n} failed</source>
        <translation>{n} fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="71" />
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="72" />
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="73" />
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="74" />
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="75" />
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="76" />
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="77" />
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="80" />
        <source>Simulated time {time}</source>
        <translation>Simulierte Zeit {time}</translation>
    </message>
</context>
<context>
    <name>EditorTemplates</name>
    <message>
        <location filename="../../ui/template_actions.py" line="126" />
        <source>The reply was edited, so its tone is not switched.</source>
        <extracomment>Alt+1 … Alt+6, in this order.</extracomment>
        <translation>Die Antwort wurde bearbeitet, deshalb wird die Tonalität nicht gewechselt.</translation>
    </message>
    <message>
        <location filename="../../ui/template_actions.py" line="130" />
        <source>This template has no version in that tone.</source>
        <translation>Diese Vorlage gibt es nicht in dieser Tonalität.</translation>
    </message>
</context>
<context>
    <name>EscalationActions</name>
    <message>
        <location filename="../../ui/escalation_actions.py" line="72" />
        <source>{reason}. The standard escalation paths apply until it is fixed.</source>
        <translation>{reason}. Bis die Datei korrigiert ist, gelten die Standard-Eskalationswege.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_actions.py" line="86" />
        <source>Open a conversation first, then escalate it.</source>
        <translation>Öffnen Sie zuerst ein Gespräch, dann können Sie es eskalieren.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_actions.py" line="108" />
        <source>Escalated to {path}: {reason}</source>
        <translation>Eskaliert an {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_actions.py" line="113" />
        <source>{n} conversations escalated to {path}.</source>
        <translation>{n} Gespräche an {path} eskaliert.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_actions.py" line="113" />
        <source>Escalated to {path}.</source>
        <translation>An {path} eskaliert.</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="34" />
        <source>Escalate conversation</source>
        <translation>Gespräch eskalieren</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="40" />
        <source>Escalation path</source>
        <translation>Eskalationsweg</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="45" />
        <source>Why? This becomes an internal note the customer never sees.</source>
        <translation>Warum? Daraus wird eine interne Notiz, die die Kundin oder der Kunde nie sieht.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="46" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="51" />
        <source>Escalate</source>
        <translation>Eskalieren</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="53" />
        <source>&amp;Path</source>
        <translation>&amp;Weg</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="55" />
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="59" />
        <source>Already escalated to {path}.</source>
        <translation>Bereits an {path} eskaliert.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="78" />
        <source>Goes to the team {team}</source>
        <translation>Geht an das Team {team}</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="80" />
        <source>Goes to {person}</source>
        <translation>Geht an {person}</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="84" />
        <source>priority at least {priority}</source>
        <translation>Priorität mindestens {priority}</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="86" />
        <source>notified at once</source>
        <translation>wird sofort benachrichtigt</translation>
    </message>
</context>
<context>
    <name>EscalationsPage</name>
    <message>
        <location filename="../../ui/escalations_page.py" line="50" />
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/escalations_page.py" line="51" />
        <source>Path</source>
        <translation>Weg</translation>
    </message>
    <message>
        <location filename="../../ui/escalations_page.py" line="52" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/escalations_page.py" line="53" />
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../../ui/escalations_page.py" line="54" />
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <location filename="../../ui/escalations_page.py" line="55" />
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../../ui/escalations_page.py" line="101" />
        <source>{n} open escalated conversations</source>
        <translation>{n} offene eskalierte Gespräche</translation>
    </message>
    <message>
        <location filename="../../ui/escalations_page.py" line="103" />
        <source>No open escalated conversations.</source>
        <translation>Keine offenen eskalierten Gespräche.</translation>
    </message>
</context>
<context>
    <name>FindingRow</name>
    <message>
        <location filename="../../ui/findings_list.py" line="33" />
        <source>Blocks sending</source>
        <translation>Verhindert das Senden</translation>
    </message>
    <message>
        <location filename="../../ui/findings_list.py" line="33" />
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <location filename="../../ui/findings_list.py" line="92" />
        <source>Answer privately</source>
        <translation>Privat antworten</translation>
    </message>
    <message>
        <location filename="../../ui/findings_list.py" line="93" />
        <source>Split into a thread</source>
        <translation>Als Thread aufteilen</translation>
    </message>
    <message>
        <location filename="../../ui/findings_list.py" line="94" />
        <source>Lowercase</source>
        <translation>In Kleinbuchstaben</translation>
    </message>
    <message>
        <location filename="../../ui/findings_list.py" line="95" />
        <source>Use one mark</source>
        <translation>Nur ein Zeichen</translation>
    </message>
</context>
<context>
    <name>HeatmapChart</name>
    <message>
        <location filename="../../ui/chart_heatmap.py" line="82" />
        <source>Hour of the day ({zone}); rows: weekdays</source>
        <translation>Uhrzeit ({zone}); Zeilen: Wochentage</translation>
    </message>
    <message>
        <location filename="../../ui/chart_heatmap.py" line="90" />
        <source>no requests</source>
        <translation>keine Anfragen</translation>
    </message>
    <message>
        <location filename="../../ui/chart_heatmap.py" line="97" />
        <source>requests per hour:</source>
        <translation>Anfragen je Stunde:</translation>
    </message>
    <message>
        <location filename="../../ui/chart_heatmap.py" line="122" />
        <source>{day} {from}:00–{to}:00: {n} requests</source>
        <translation>{day} {from}:00–{to}:00 Uhr: {n} Anfragen</translation>
    </message>
</context>
<context>
    <name>HistogramChart</name>
    <message>
        <location filename="../../ui/chart_histogram.py" line="65" />
        <source>No reply</source>
        <translation>Ohne Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/chart_histogram.py" line="80" />
        <source>within the target</source>
        <translation>innerhalb des Ziels</translation>
    </message>
    <message>
        <location filename="../../ui/chart_histogram.py" line="81" />
        <source>over the target</source>
        <translation>über dem Ziel</translation>
    </message>
    <message>
        <location filename="../../ui/chart_histogram.py" line="82" />
        <source>no reply</source>
        <translation>ohne Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/chart_histogram.py" line="86" />
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../../ui/chart_histogram.py" line="114" />
        <source>{label}: {n} requests ({share} %)</source>
        <translation>{label}: {n} Anfragen ({share} %)</translation>
    </message>
    <message>
        <location filename="../../ui/chart_histogram.py" line="128" />
        <source>Target {span}</source>
        <translation>Ziel {span}</translation>
    </message>
    <message>
        <location filename="../../ui/chart_histogram.py" line="134" />
        <source>Business time until the first reply</source>
        <translation>Geschäftszeit bis zur ersten Antwort</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/training_report.py" line="253" />
        <source>Training history</source>
        <translation>Trainingsverlauf</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <location filename="../../ui/length_counter.py" line="48" />
        <source>{n} SMS</source>
        <translation>{n} SMS</translation>
    </message>
    <message>
        <location filename="../../ui/length_counter.py" line="51" />
        <source>{n} of {limit} left</source>
        <translation>noch {n} von {limit}</translation>
    </message>
    <message>
        <location filename="../../ui/length_counter.py" line="63" />
        <source>{encoding} because of: {characters}</source>
        <translation>{encoding} wegen: {characters}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>TRAINING · sandbox only: nothing you send reaches a real customer</source>
        <translation>TRAINING · nur Sandbox: Nichts, was Sie senden, erreicht echte Kundinnen und Kunden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163" />
        <source>A scenario file was skipped: {0}</source>
        <translation>Eine Szenariodatei wurde übersprungen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169" />
        <source>The opening hours in the settings cannot be read ({0}); Mon–Fri 8–18 applies.</source>
        <translation>Die Öffnungszeiten in den Einstellungen sind nicht lesbar ({0}); es gilt Mo–Fr 8–18.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175" />
        <source>Your working hours in the settings cannot be read ({0}); the opening hours apply.</source>
        <translation>Ihre Arbeitszeit in den Einstellungen ist nicht lesbar ({0}); es gelten die Öffnungszeiten.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229" />
        <source>&amp;AgentDesk</source>
        <translation>&amp;AgentDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230" />
        <source>Insert template …</source>
        <translation>Vorlage einfügen …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231" />
        <source>Manage templates …</source>
        <translation>Vorlagen verwalten …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232" />
        <source>Answer topic with a template …</source>
        <translation>Thema mit Vorlage beantworten …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233" />
        <source>Accounts …</source>
        <translation>Konten …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235" />
        <source>Saved searches …</source>
        <translation>Gespeicherte Suchen …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238" />
        <source>Supervisor desk …</source>
        <translation>Supervisor-Ansicht …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239" />
        <source>Reassign …</source>
        <translation>Neu zuweisen …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240" />
        <source>Insert out-of-hours reply</source>
        <translation>Antwort außerhalb der Öffnungszeiten einfügen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242" />
        <source>Preferences …</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248" />
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299" />
        <source>{file}, {reason}. The standard guidelines apply until it is fixed.</source>
        <translation>{file}, {reason}. Bis die Datei korrigiert ist, gelten die Standardrichtlinien.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341" />
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342" />
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343" />
        <source>Trainees</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="501" />
        <source>Pick a topic first: the reply goes to all its conversations.</source>
        <translation>Bitte zuerst ein Thema wählen: Die Antwort geht an alle seine Gespräche.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514" />
        <source>Answer the whole topic</source>
        <translation>Ganzes Thema beantworten</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../ui/message_bar.py" line="21" />
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>MonitoringBar</name>
    <message>
        <location filename="../../ui/monitoring_bar.py" line="24" />
        <source>Take into queue</source>
        <translation>In die Warteschlange übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/monitoring_bar.py" line="25" />
        <source>Make it an open conversation in the queue (Shift+T)</source>
        <translation>Als offenes Gespräch in die Warteschlange übernehmen (Umschalt+T)</translation>
    </message>
    <message>
        <location filename="../../ui/monitoring_bar.py" line="26" />
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/monitoring_bar.py" line="27" />
        <source>Not for us: file it as resolved (Shift+D)</source>
        <translation>Nicht für uns: als erledigt ablegen (Umschalt+D)</translation>
    </message>
    <message>
        <location filename="../../ui/monitoring_bar.py" line="39" />
        <source>Found by monitoring: {reasons}</source>
        <translation>Vom Monitoring gefunden: {reasons}</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../ui/notifier.py" line="95" />
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="180" />
        <source>{n} conversations assigned to you</source>
        <translation>{n} Gespräche wurden Ihnen zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="182" />
        <source>Assigned to you: {who}</source>
        <translation>Ihnen zugewiesen: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="184" />
        <source>{n} of your conversations are at risk</source>
        <translation>{n} Ihrer Gespräche sind gefährdet</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="187" />
        <source>At risk: {who}</source>
        <translation>Gefährdet: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="188" />
        <source>{left} of business time left</source>
        <translation>Noch {left} innerhalb der Öffnungszeiten</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="191" />
        <source>New messages in {n} conversations</source>
        <translation>Neue Nachrichten in {n} Gesprächen</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="193" />
        <source>New message from {who}</source>
        <translation>Neue Nachricht von {who}</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="196" />
        <source>Storm building: {topic}</source>
        <translation>Sturm zieht auf: {topic}</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="197" />
        <source>{rate} angry posts per hour</source>
        <translation>{rate} verärgerte Beiträge pro Stunde</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="248" />
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="238" />
        <source>A conversation is assigned to me</source>
        <translation>Ein Gespräch wird mir zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="239" />
        <source>One of mine turns at risk</source>
        <translation>Eines meiner Gespräche wird gefährdet</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="240" />
        <source>New message in a conversation open in the background</source>
        <translation>Neue Nachricht in einem Gespräch, das im Hintergrund offen ist</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="241" />
        <source>Storm alarm</source>
        <translation>Sturmwarnung</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="263" />
        <source>Quiet outside your working hours ({hours})</source>
        <translation>Stumm außerhalb Ihrer Arbeitszeit ({hours})</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="258" />
        <source>Open the last notified conversation</source>
        <translation>Zuletzt gemeldetes Gespräch öffnen</translation>
    </message>
</context>
<context>
    <name>OutOfHoursOffer</name>
    <message>
        <location filename="../../ui/out_of_hours.py" line="51" />
        <source>🌙 Outside opening hours: let the customer know when you answer.</source>
        <translation>🌙 Außerhalb der Öffnungszeiten: Sagen Sie der Kundschaft, wann Sie antworten.</translation>
    </message>
    <message>
        <location filename="../../ui/out_of_hours.py" line="53" />
        <source>Insert out-of-hours reply</source>
        <translation>Antwort außerhalb der Öffnungszeiten einfügen</translation>
    </message>
    <message>
        <location filename="../../ui/out_of_hours.py" line="54" />
        <source>Insert out-of-hours reply (Ctrl+Shift+O)</source>
        <translation>Antwort außerhalb der Öffnungszeiten einfügen (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <location filename="../../ui/out_of_hours.py" line="91" />
        <source>The reply already has text, so the out-of-hours reply is not inserted.</source>
        <translation>Die Antwort enthält schon Text, deshalb wird die Antwort außerhalb der Öffnungszeiten nicht eingefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/out_of_hours.py" line="97" />
        <source>There is no out-of-hours template for this conversation's language.</source>
        <translation>Für die Sprache dieses Gesprächs gibt es keine Vorlage für Antworten außerhalb der Öffnungszeiten.</translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <location filename="../../ui/training_panel.py" line="150" />
        <source>Training: {title}</source>
        <translation>Training: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="170" />
        <source>Mark as spam</source>
        <translation>Als Spam markieren</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="171" />
        <source>Escalate</source>
        <translation>Eskalieren</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="172" />
        <source>Finish</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="220" />
        <source>Scenario time {time}</source>
        <translation>Szenariozeit {time}</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="238" />
        <source>The conversation is over. Click Finish to see your score.</source>
        <translation>Das Gespräch ist beendet. Klicken Sie auf „Beenden“, um Ihre Punktzahl zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="240" />
        <source>Your turn: answer the customer.</source>
        <translation>Sie sind dran: Antworten Sie der Kundin oder dem Kunden.</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="242" />
        <source>Waiting for the customer …</source>
        <translation>Warten auf die Kundin oder den Kunden …</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="295" />
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="296" />
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="317" />
        <source>Marked as spam</source>
        <translation>Als Spam markiert</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="317" />
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="63" />
        <source>Preferences</source>
        <extracomment>Runs a coroutine for the dialog and calls back with its result (the window's TaskRunner.run). Writes the settings off the GUI thread; returns "" or why it could not.</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="70" />
        <source>You</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="71" />
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="72" />
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="73" />
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="80" />
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="81" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="101" />
        <source>Templates sign with this name. Mine and Assign to me use the name {account} knows you by: {name}.</source>
        <translation>Vorlagen unterschreiben mit diesem Namen. Meine und Mir zuweisen verwenden den Namen, unter dem {account} Sie kennt: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="106" />
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="109" />
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="112" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="112" />
        <source>Applies after AgentDesk restarts.</source>
        <translation>Gilt nach einem Neustart von AgentDesk.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="113" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="113" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="113" />
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="97" />
        <source>Templates sign with this name, and the queue Mine lists what is assigned to you under it.</source>
        <translation>Vorlagen unterschreiben mit diesem Namen. Die Warteschlange Meine zeigt, was Ihnen unter diesem Namen zugewiesen ist.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="119" />
        <source>Your team lead sets the role with this command:</source>
        <translation>Die Rolle legt Ihre Teamleitung mit diesem Befehl fest:</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="120" />
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="126" />
        <source>Company name</source>
        <translation>Firmenname</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="133" />
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="135" />
        <source>Days and times, e.g. mon-fri 08:00-18:00; sat 10:00-14:00 (German day names work too).</source>
        <translation>Tage und Uhrzeiten, z. B. mo-fr 08:00-18:00; sa 10:00-14:00 (englische Tagesnamen gehen auch).</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="138" />
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="143" />
        <source>Public holidays</source>
        <translation>Feiertage</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="145" />
        <source>Country with an optional region, e.g. DE, DE-BY, AT, CH; empty for none.</source>
        <translation>Land, wahlweise mit Region, z. B. DE, DE-BY, AT, CH; leer für keine Feiertage.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="151" />
        <source>Closing days</source>
        <translation>Schließtage</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="153" />
        <source>Separated by commas: 12-24 every year, 2026-12-28 once.</source>
        <translation>Mit Komma getrennt: 12-24 jedes Jahr, 2026-12-28 einmalig.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="155" />
        <source>Service-level times, badges and the status bar follow at once when you save.</source>
        <translation>Fälligkeiten, Service-Level-Anzeigen und die Statusleiste folgen sofort, wenn Sie speichern.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="164" />
        <source>How a reply addresses a customer whose Sie or du is not known yet. A customer's own choice always wins.</source>
        <translation>Wie eine Antwort Kundinnen und Kunden anspricht, deren Sie oder du noch nicht bekannt ist. Die eigene Wahl der Kundin oder des Kunden hat immer Vorrang.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="174" />
        <source>Sie-Form</source>
        <translation>Sie-Form</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="175" />
        <source>Du-Form</source>
        <translation>Du-Form</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="193" />
        <source>Your working hours</source>
        <translation>Ihre Arbeitszeiten</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="195" />
        <source>Outside them no notification disturbs you. Empty: the opening hours.</source>
        <translation>Außerhalb dieser Zeiten stört Sie keine Benachrichtigung. Leer: die Öffnungszeiten.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="239" />
        <source>Fix the fields marked ⛔ to save.</source>
        <translation>Korrigieren Sie die mit ⛔ markierten Felder, um zu speichern.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="270" />
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="281" />
        <source>Could not save: {reason}</source>
        <translation>Speichern nicht möglich: {reason}</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="103" />
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="104" />
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="105" />
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="106" />
        <source>urgent</source>
        <translation>dringend</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../ui/queue_pane.py" line="95" />
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <location filename="../../ui/queue_pane.py" line="16" />
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="17" />
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="18" />
        <source>All open</source>
        <translation>Alle offenen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="19" />
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="20" />
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="21" />
        <source>Waiting on customer</source>
        <translation>Wartet auf Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="22" />
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="23" />
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="51" />
        <source>{n} conversations</source>
        <translation>{n} Gespräche</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="59" />
        <location filename="../../ui/reassign_dialog.py" line="82" />
        <source>Reassign</source>
        <translation>Neu zuweisen</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="62" />
        <source>Reassign this conversation to …</source>
        <translation>Dieses Gespräch neu zuweisen an …</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="64" />
        <source>Reassign {n} conversations to …</source>
        <translation>{n} Gespräche neu zuweisen an …</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="68" />
        <source>Search colleagues …</source>
        <translation>Kolleginnen und Kollegen suchen …</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="72" />
        <source>Colleagues</source>
        <translation>Kolleginnen und Kollegen</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="78" />
        <source>Private note for the team (optional): why, what is open …</source>
        <translation>Interne Notiz fürs Team (optional): warum, was noch offen ist …</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="90" />
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="109" />
        <source>{n} open</source>
        <translation>{n} offen</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="118" />
        <source>Suggested: online, handles these channels and languages, fewest open</source>
        <translation>Vorschlag: online, betreut diese Kanäle und Sprachen, hat die wenigsten offenen Gespräche</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="121" />
        <source>Nobody: back to the unassigned pool</source>
        <translation>Niemand: zurück zu „Nicht zugewiesen“</translation>
    </message>
</context>
<context>
    <name>ReassignFlow</name>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="178" />
        <source>Select the conversations to reassign first.</source>
        <translation>Wählen Sie zuerst die Gespräche aus, die Sie neu zuweisen möchten.</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="201" />
        <source>Back in the unassigned pool.</source>
        <translation>Wieder bei „Nicht zugewiesen“.</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="203" />
        <source>{n} conversations are back in the unassigned pool.</source>
        <translation>{n} Gespräche sind wieder bei „Nicht zugewiesen“.</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="207" />
        <source>Reassigned to {name}.</source>
        <translation>Neu zugewiesen an {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/reassign_dialog.py" line="207" />
        <source>Reassigned {n} conversations to {name}.</source>
        <translation>{n} Gespräche neu zugewiesen an {name}.</translation>
    </message>
</context>
<context>
    <name>ReplyEditor</name>
    <message>
        <location filename="../../ui/reply_editor.py" line="80" />
        <source>Who will read this</source>
        <translation>Wer das lesen wird</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="85" />
        <source>Write a reply … (r)</source>
        <translation>Antwort schreiben … (r)</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="87" />
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="90" />
        <source>Split into a thread</source>
        <translation>Als Thread aufteilen</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="92" />
        <source>Send  Ctrl+Enter</source>
        <translation>Senden  Strg+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="157" />
        <source>Public reply</source>
        <translation>Öffentliche Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="157" />
        <source>Private message</source>
        <translation>Private Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="160" />
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="253" />
        <source>Send despite warnings?</source>
        <translation>Trotz Warnungen senden?</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="259" />
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="291" />
        <source>Fix the findings marked ⛔ first</source>
        <translation>Bitte zuerst die mit ⛔ markierten Hinweise beheben</translation>
    </message>
    <message>
        <location filename="../../ui/reply_editor.py" line="373" />
        <source>Add to dictionary</source>
        <translation>Zum Wörterbuch hinzufügen</translation>
    </message>
</context>
<context>
    <name>SavedSearchesDialog</name>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="45" />
        <source>Saved searches</source>
        <extracomment>Runs a coroutine for the dialog and calls back with its result (the window's TaskRunner.run).</extracomment>
        <translation>Gespeicherte Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="48" />
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="48" />
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="48" />
        <source>Last run</source>
        <translation>Zuletzt gelaufen</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="63" />
        <source>a keyword, a #hashtag or the brand's name without @</source>
        <translation>ein Stichwort, ein #Hashtag oder der Markenname ohne @</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="65" />
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="67" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="85" />
        <source>Double-click a search (or press F2) to change it. Matches land in the Monitoring queue.</source>
        <translation>Doppelklicken Sie auf eine Suche (oder drücken Sie F2), um sie zu ändern. Treffer landen in der Warteschlange „Monitoring“.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="96" />
        <source>None of your accounts can search: add a Mastodon, Bluesky or X account under Accounts first.</source>
        <translation>Keines Ihrer Konten kann suchen: Fügen Sie zuerst unter „Konten“ ein Mastodon-, Bluesky- oder X-Konto hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="127" />
        <source>held up (see tooltip)</source>
        <translation>pausiert (Grund im Tooltip)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="129" />
        <source>not run yet</source>
        <translation>noch nicht gelaufen</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="144" />
        <source>Saved “{0}”; it runs now and then every five minutes.</source>
        <translation>„{0}“ gespeichert; die Suche läuft jetzt und danach alle fünf Minuten.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="149" />
        <source>Search changed.</source>
        <translation>Suche geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="154" />
        <source>Removed “{0}”. What it found stays in Monitoring.</source>
        <translation>„{0}“ entfernt. Was sie gefunden hat, bleibt im Monitoring.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="172" />
        <source>Search for the name without @: mentions of your account arrive in the queue anyway.</source>
        <translation>Suchen Sie nach dem Namen ohne @: Erwähnungen Ihres Kontos landen ohnehin in der Warteschlange.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="174" />
        <source>A search may have at most {0} characters.</source>
        <translation>Eine Suche darf höchstens {0} Zeichen lang sein.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="176" />
        <source>A hashtag has letters, digits and _ only.</source>
        <translation>Ein Hashtag besteht nur aus Buchstaben, Ziffern und _.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_searches_dialog.py" line="177" />
        <source>A search needs a word, a hashtag or a name.</source>
        <translation>Eine Suche braucht ein Wort, einen Hashtag oder einen Namen.</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../ui/training_report.py" line="104" />
        <source>Training score</source>
        <translation>Trainingsergebnis</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="107" />
        <source>{title}: {score} of 100 points</source>
        <translation>{title}: {score} von 100 Punkten</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="116" />
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="116" />
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="116" />
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>SendFlow</name>
    <message>
        <location filename="../../ui/send_flow.py" line="54" />
        <source>it was assigned to {name}</source>
        <translation>es wurde {name} zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/send_flow.py" line="56" />
        <source>it was unassigned</source>
        <translation>die Zuweisung wurde aufgehoben</translation>
    </message>
    <message>
        <location filename="../../ui/send_flow.py" line="59" />
        <source>its status is now “{status}”</source>
        <translation>der Status ist jetzt „{status}“</translation>
    </message>
    <message>
        <location filename="../../ui/send_flow.py" line="62" />
        <source>the customer wrote {n} more message(s)</source>
        <translation>die Kundin oder der Kunde hat {n} weitere Nachricht(en) geschrieben</translation>
    </message>
    <message>
        <location filename="../../ui/send_flow.py" line="65" />
        <source>{names} answered</source>
        <translation>{names} hat geantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/send_flow.py" line="66" />
        <source>While you were writing: {what}.</source>
        <translation>Während Sie geschrieben haben: {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/send_flow.py" line="96" />
        <source>Send anyway?</source>
        <translation>Trotzdem senden?</translation>
    </message>
    <message>
        <location filename="../../ui/send_flow.py" line="97" />
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <location filename="../../ui/training_report.py" line="148" />
        <location filename="../../ui/training_report.py" line="153" />
        <source>Scenario</source>
        <extracomment>How the exported report is opened; tests replace it to read the file instead.</extracomment>
        <translation>Szenario</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="148" />
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="148" />
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="148" />
        <source>Best</source>
        <translation>Bestwert</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="148" />
        <source>Trend</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="153" />
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="153" />
        <location filename="../../ui/training_report.py" line="223" />
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="157" />
        <source>No finished practice yet.</source>
        <translation>Noch keine abgeschlossene Übung.</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="158" />
        <source>Export report …</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="222" />
        <source>Training report</source>
        <translation>Trainingsbericht</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="224" />
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="225" />
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="226" />
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="232" />
        <source>The report could not be saved: {0}</source>
        <translation>Der Bericht konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/training_report.py" line="234" />
        <source>Report saved: {path}</source>
        <translation>Bericht gespeichert: {path}</translation>
    </message>
</context>
<context>
    <name>SettingsApply</name>
    <message>
        <location filename="../../ui/settings_apply.py" line="77" />
        <source>Preferences saved. The new language applies after AgentDesk restarts.</source>
        <translation>Einstellungen gespeichert. Die neue Sprache gilt nach einem Neustart von AgentDesk.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_apply.py" line="81" />
        <source>Preferences saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_apply.py" line="92" />
        <source>One conversation assigned to “{old}” is now yours as “{new}”.</source>
        <translation>Ein Gespräch, das „{old}“ zugewiesen war, gehört jetzt Ihnen als „{new}“.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_apply.py" line="94" />
        <source>{n} conversations assigned to “{old}” are now yours as “{new}”.</source>
        <translation>{n} Gespräche, die „{old}“ zugewiesen waren, gehören jetzt Ihnen als „{new}“.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="11" />
        <source>next / previous conversation</source>
        <translation>nächstes / vorheriges Gespräch</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="12" />
        <source>reply (focus the editor)</source>
        <translation>antworten (Editor fokussieren)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="13" />
        <source>send</source>
        <translation>senden</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="14" />
        <source>search all messages</source>
        <translation>in allen Nachrichten suchen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="15" />
        <source>insert a template</source>
        <translation>Vorlage einfügen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="16" />
        <source>switch the inserted template's tone</source>
        <translation>Tonalität der eingefügten Vorlage wechseln</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="17" />
        <source>assign to me</source>
        <translation>mir zuweisen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="18" />
        <source>resolve</source>
        <translation>als erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="19" />
        <source>escalate to a team or person</source>
        <translation>an ein Team oder eine Person eskalieren</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="20" />
        <source>mark as spam</source>
        <translation>als Spam markieren</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="21" />
        <source>not spam: back to the open queue</source>
        <translation>kein Spam: zurück in die offene Warteschlange</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="22" />
        <source>answer a whole topic with one template</source>
        <translation>ein ganzes Thema mit einer Vorlage beantworten</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="23" />
        <source>monitoring: take the match into the queue</source>
        <translation>Monitoring: Treffer in die Warteschlange übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="24" />
        <source>monitoring: dismiss the match</source>
        <translation>Monitoring: Treffer verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="25" />
        <source>insert the out-of-hours reply (offered outside opening hours)</source>
        <translation>Antwort außerhalb der Öffnungszeiten einfügen (außerhalb der Öffnungszeiten angeboten)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="26" />
        <source>preferences: your name, opening hours, Sie/du</source>
        <translation>Einstellungen: Ihr Name, Öffnungszeiten, Sie/du</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="27" />
        <source>back to the list</source>
        <translation>zurück zur Liste</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="28" />
        <source>this overview</source>
        <translation>diese Übersicht</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="38" />
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../ui/split_dialog.py" line="35" />
        <source>Split into a thread</source>
        <extracomment>Counts a part and runs the pre-send checks on it (the editor's own rules).</extracomment>
        <translation>Als Thread aufteilen</translation>
    </message>
    <message>
        <location filename="../../ui/split_dialog.py" line="44" />
        <source>Part {n}</source>
        <translation>Teil {n}</translation>
    </message>
    <message>
        <location filename="../../ui/split_dialog.py" line="61" />
        <source>Send as thread</source>
        <translation>Als Thread senden</translation>
    </message>
    <message>
        <location filename="../../ui/split_dialog.py" line="65" />
        <source>Each part is sent as a reply to the one before.</source>
        <translation>Jeder Teil wird als Antwort auf den vorherigen gesendet.</translation>
    </message>
</context>
<context>
    <name>StormBanner</name>
    <message>
        <location filename="../../ui/triage_widgets.py" line="140" />
        <source>Show topic</source>
        <translation>Thema anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="142" />
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="159" />
        <source>⛔ Storm building: {topic}</source>
        <translation>⛔ Sturm zieht auf: {topic}</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="160" />
        <source>{rate} angry posts per hour (usually {baseline})</source>
        <translation>{rate} verärgerte Beiträge pro Stunde (sonst {baseline})</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="166" />
        <source>Escalate to {team}</source>
        <translation>An {team} eskalieren</translation>
    </message>
</context>
<context>
    <name>SupervisorDesk</name>
    <message>
        <location filename="../../ui/supervisor_desk.py" line="17" />
        <source>Supervisor desk – AgentDesk</source>
        <translation>Supervisor-Ansicht – AgentDesk</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/task_runner.py" line="64" />
        <source>Something went wrong ({0}). Details are in the log.</source>
        <translation>Etwas ist schiefgegangen ({0}). Details stehen im Protokoll.</translation>
    </message>
</context>
<context>
    <name>TeamBoard</name>
    <message>
        <location filename="../../ui/team_board.py" line="178" />
        <source>Team board</source>
        <translation>Teamübersicht</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="191" />
        <source>Enter or double-click: that agent's queue. Drop conversations on an agent.</source>
        <translation>Eingabetaste oder Doppelklick: die Warteschlange dieses Teammitglieds. Gespräche auf ein Teammitglied ziehen, um sie ihm zuzuweisen.</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="193" />
        <source>Pick an agent above to see their queue.</source>
        <translation>Wählen Sie oben ein Teammitglied aus, um dessen Warteschlange zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="200" />
        <source>Reassign …</source>
        <translation>Neu zuweisen …</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="201" />
        <source>Reassign the selected conversations (Shift+R)</source>
        <translation>Die ausgewählten Gespräche neu zuweisen (Umschalt+R)</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="254" />
        <source>Team data needs a backend (Chatwoot): with direct platform accounts only, AgentDesk does not know who is online or which channels and languages colleagues handle. The board shows what this computer knows: open conversations by assignee.</source>
        <translation>Teamdaten brauchen ein Backend (Chatwoot): Mit direkten Plattformkonten allein weiß AgentDesk nicht, wer online ist und welche Kanäle und Sprachen Ihre Kolleginnen und Kollegen betreuen. Die Übersicht zeigt, was auf diesem Computer bekannt ist: offene Gespräche nach Zuständigen.</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="266" />
        <source>Queue of {name}</source>
        <translation>Warteschlange von {name}</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="266" />
        <source>Unassigned conversations</source>
        <translation>Nicht zugewiesene Gespräche</translation>
    </message>
</context>
<context>
    <name>TeamBoardModel</name>
    <message>
        <location filename="../../ui/team_board.py" line="66" />
        <source>Agent</source>
        <extracomment>Account kinds whose source knows the team (the sandbox simulates one).</extracomment>
        <translation>Teammitglied</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="67" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="68" />
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="69" />
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="70" />
        <source>Breached</source>
        <translation>Überschritten</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="71" />
        <source>Oldest waiting</source>
        <translation>Wartet am längsten</translation>
    </message>
    <message>
        <location filename="../../ui/team_board.py" line="117" />
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
</context>
<context>
    <name>TemplateActions</name>
    <message>
        <location filename="../../ui/template_actions.py" line="216" />
        <source>A template was skipped: {0}</source>
        <translation>Eine Vorlage wurde übersprungen: {0}</translation>
    </message>
</context>
<context>
    <name>TemplateManager</name>
    <message>
        <location filename="../../ui/template_manager.py" line="71" />
        <source>Manage templates</source>
        <translation>Vorlagen verwalten</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="82" />
        <source>Search templates …</source>
        <translation>Vorlagen durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="86" />
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="87" />
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="88" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="89" />
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="90" />
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="119" />
        <source>Preview for</source>
        <translation>Vorschau für</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="159" />
        <source>formal (Sie)</source>
        <translation>Sie-Form</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="160" />
        <source>informal (du)</source>
        <translation>Du-Form</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="162" />
        <source>public replies and private messages</source>
        <translation>öffentliche Antworten und private Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="163" />
        <source>public replies only</source>
        <translation>nur öffentliche Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="164" />
        <source>private messages only</source>
        <translation>nur private Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="172" />
        <source>comma separated</source>
        <translation>durch Komma getrennt</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="174" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="174" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="174" />
        <source>Default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="178" />
        <source>Add variable</source>
        <translation>Variable hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="179" />
        <source>Remove variable</source>
        <translation>Variable entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="188" />
        <source>Optional: a shorter text for X, Bluesky and SMS</source>
        <translation>Optional: eine kürzere Fassung für X, Bluesky und SMS</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="193" />
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="194" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="195" />
        <source>Intent</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="196" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="197" />
        <source>Tone</source>
        <translation>Tonalität</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="198" />
        <source>Form of address</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="199" />
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="200" />
        <source>Used for</source>
        <translation>Verwendung</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="201" />
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="202" />
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="204" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="205" />
        <source>Short text</source>
        <translation>Kurzfassung</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="303" />
        <source>⛔ Cannot be saved: {0}</source>
        <translation>⛔ Kann nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="328" />
        <source>Chatwoot canned response: change it in Chatwoot, or duplicate it here.</source>
        <translation>Chatwoot-Textbaustein: in Chatwoot ändern oder hier duplizieren.</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="330" />
        <source>Bundled template: read-only. Duplicate it to change it.</source>
        <translation>Mitgelieferte Vorlage: schreibgeschützt. Zum Ändern bitte duplizieren.</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="332" />
        <source>Unsaved changes.</source>
        <translation>Ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="356" />
        <source>⛔ Template files skipped: {0}</source>
        <translation>⛔ Übersprungene Vorlagendateien: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="392" />
        <source>⛔ Not saved: {0}</source>
        <translation>⛔ Nicht gespeichert: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="409" />
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="410" />
        <source>Delete the template “{0}” from the company library?</source>
        <translation>Die Vorlage „{0}“ aus den Firmenvorlagen löschen?</translation>
    </message>
    <message>
        <location filename="../../ui/template_manager.py" line="430" />
        <source>⛔ Not deleted: {0}</source>
        <translation>⛔ Nicht gelöscht: {0}</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../ui/template_picker.py" line="189" />
        <source>Insert template</source>
        <translation>Vorlage einfügen</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="197" />
        <source>Search title, tags, intent and text …</source>
        <translation>Titel, Schlagwörter, Anliegen und Text durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="200" />
        <source>All languages and forms of address</source>
        <translation>Alle Sprachen und Anredeformen</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="204" />
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="208" />
        <source>Insert</source>
        <translation>Einfügen</translation>
    </message>
</context>
<context>
    <name>TemplatePreview</name>
    <message>
        <location filename="../../ui/template_picker.py" line="139" />
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="149" />
        <source>This template cannot be shown. Details are in the log.</source>
        <translation>Diese Vorlage lässt sich nicht anzeigen. Details stehen im Protokoll.</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="154" />
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="156" />
        <source>⛔ over the limit</source>
        <translation>⛔ über dem Limit</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="158" />
        <source>⛔ missing: {0}</source>
        <translation>⛔ fehlt: {0}</translation>
    </message>
</context>
<context>
    <name>Thread</name>
    <message>
        <location filename="../../ui/thread_html.py" line="50" />
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/thread_html.py" line="56" />
        <source>We</source>
        <translation>Wir</translation>
    </message>
    <message>
        <location filename="../../ui/thread_html.py" line="63" />
        <source>sending …</source>
        <translation>wird gesendet …</translation>
    </message>
    <message>
        <location filename="../../ui/thread_html.py" line="69" />
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/thread_html.py" line="70" />
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/thread_html.py" line="71" />
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/thread_html.py" line="74" />
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/thread_html.py" line="75" />
        <source>Not sent:</source>
        <translation>Nicht gesendet:</translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message>
        <location filename="../../ui/time_words.py" line="31" />
        <source>{n} d</source>
        <translation>{n} T</translation>
    </message>
</context>
<context>
    <name>Tones</name>
    <message>
        <location filename="../../ui/template_picker.py" line="53" />
        <source>formal</source>
        <translation>förmlich</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="54" />
        <source>informal</source>
        <translation>locker</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="55" />
        <source>empathetic</source>
        <translation>einfühlsam</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="56" />
        <source>apologetic</source>
        <translation>entschuldigend</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="57" />
        <source>concise</source>
        <translation>knapp</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="58" />
        <source>cheerful</source>
        <translation>fröhlich</translation>
    </message>
    <message>
        <location filename="../../ui/template_picker.py" line="70" />
        <source>company library</source>
        <translation>Firmenvorlagen</translation>
    </message>
</context>
<context>
    <name>TopicPane</name>
    <message>
        <location filename="../../ui/triage_widgets.py" line="69" />
        <source>─ Topics ─</source>
        <translation>─ Themen ─</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="72" />
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="90" />
        <source>{n} open conversations on {label}</source>
        <translation>{n} offene Gespräche zu {label}</translation>
    </message>
</context>
<context>
    <name>TraineesPage</name>
    <message>
        <location filename="../../ui/training_trainees.py" line="49" />
        <source>Trainees' practice histories from these folders: a team folder where trainees' copies land (each trainee sets it under Training → Team folder), or a trainee's profile folder.</source>
        <translation>Die Übungsverläufe der Trainees aus diesen Ordnern: ein Teamordner, in dem die Kopien der Trainees landen (jede und jeder legt ihn unter Training → Teamordner fest), oder der Profilordner eines Trainees.</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="57" />
        <source>Add folder …</source>
        <translation>Ordner hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="59" />
        <source>Remove folder</source>
        <translation>Ordner entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="61" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="80" />
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="80" />
        <source>Sessions</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="80" />
        <source>Last score</source>
        <translation>Letzte Punktzahl</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="113" />
        <source>Folder with trainees' histories</source>
        <translation>Ordner mit den Verläufen der Trainees</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="135" />
        <source>cannot be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location filename="../../ui/training_trainees.py" line="143" />
        <source>{file} cannot be read: {reason}</source>
        <translation>{file} kann nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>TrainingMenu</name>
    <message>
        <location filename="../../ui/training_panel.py" line="483" />
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="485" />
        <source>Practise a scenario …</source>
        <translation>Szenario üben …</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="489" />
        <source>History &amp;&amp; report …</source>
        <translation>Verlauf &amp;&amp; Bericht …</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="492" />
        <source>Team folder for your supervisor …</source>
        <translation>Teamordner für Ihre Teamleitung …</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="506" />
        <source>Team folder for your supervisor</source>
        <translation>Teamordner für Ihre Teamleitung</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="523" />
        <source>The team folder cannot be used: {0}</source>
        <translation>Der Teamordner kann nicht verwendet werden: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="526" />
        <source>After each practice, your training history is copied to {0} for your supervisor.</source>
        <translation>Nach jeder Übung wird Ihr Trainingsverlauf für Ihre Teamleitung nach {0} kopiert.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../ui/training_panel.py" line="366" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="372" />
        <source>A training scenario was skipped: {0}</source>
        <translation>Ein Trainingsszenario wurde übersprungen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="377" />
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="377" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="377" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="388" />
        <source>Start practice</source>
        <translation>Übung starten</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="392" />
        <source>History &amp;&amp; report …</source>
        <translation>Verlauf &amp;&amp; Bericht …</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="432" />
        <source>The training history could not be saved: {0}</source>
        <translation>Der Trainingsverlauf konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="439" />
        <source>History {file} unreadable ({reason}); kept as {copy}, a new history started.</source>
        <translation>Verlauf {file} nicht lesbar ({reason}); als {copy} aufbewahrt, ein neuer Verlauf wurde angelegt.</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="449" />
        <source>No copy for your supervisor in the team folder {0}; it is tried again next time.</source>
        <translation>Keine Kopie für Ihre Teamleitung im Teamordner {0}; beim nächsten Mal wird es erneut versucht.</translation>
    </message>
    <message>
        <location filename="../../ui/training_panel.py" line="462" />
        <source>The training history cannot be read: {0}</source>
        <translation>Der Trainingsverlauf kann nicht gelesen werden: {0}</translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <location filename="../../ui/triage_widgets.py" line="15" />
        <source>crypto offer</source>
        <translation>Krypto-Angebot</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="16" />
        <source>easy-money promise</source>
        <translation>verspricht schnelles Geld</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="17" />
        <source>sells followers</source>
        <translation>verkauft Follower</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="18" />
        <source>phishing</source>
        <translation>Phishing</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="19" />
        <source>many links</source>
        <translation>viele Links</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="20" />
        <source>disguised link</source>
        <translation>getarnter Link</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="21" />
        <source>link with hardly any text</source>
        <translation>Link mit kaum Text</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="22" />
        <source>mentions many accounts</source>
        <translation>erwähnt viele Konten</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="23" />
        <source>new account</source>
        <translation>neues Konto</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="24" />
        <source>same text from several accounts</source>
        <translation>gleicher Text von mehreren Konten</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="25" />
        <source>like posts marked as spam</source>
        <translation>ähnelt als Spam markierten Beiträgen</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="26" />
        <source>like posts marked as not spam</source>
        <translation>ähnelt als „kein Spam“ markierten Beiträgen</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="27" />
        <source>threatens legal action</source>
        <translation>droht mit rechtlichen Schritten</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="28" />
        <source>press enquiry</source>
        <translation>Presseanfrage</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="29" />
        <source>consumer protection</source>
        <translation>Verbraucherschutz</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="30" />
        <source>wants to cancel</source>
        <translation>möchte kündigen</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="31" />
        <location filename="../../ui/triage_widgets.py" line="47" />
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="32" />
        <source>large reach</source>
        <translation>große Reichweite</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="33" />
        <source>angry or disappointed</source>
        <translation>verärgert oder enttäuscht</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="34" />
        <source>asks a question</source>
        <translation>stellt eine Frage</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="35" />
        <source>passing mention</source>
        <translation>beiläufige Erwähnung</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="43" />
        <source>Lawyer</source>
        <translation>Anwalt</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="44" />
        <source>Press</source>
        <translation>Presse</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="45" />
        <source>Cancellation</source>
        <translation>Kündigung</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="46" />
        <source>Consumer protection</source>
        <translation>Verbraucherschutz</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="48" />
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <location filename="../../ui/triage_widgets.py" line="56" />
        <source>Why it ranks here:</source>
        <translation>Warum weit oben:</translation>
    </message>
</context>
<context>
    <name>TriageActions</name>
    <message>
        <location filename="../../ui/triage_actions.py" line="98" />
        <source>no version in the customer's form of address</source>
        <translation>keine Fassung in der Anrede dieser Person</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.py" line="104" />
        <source>values missing: {0}</source>
        <translation>Werte fehlen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.py" line="108" />
        <source>too long for {0}</source>
        <translation>zu lang für {0}</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.py" line="121" />
        <source>Replies queued for {n} customers.</source>
        <translation>Antworten für {n} Kunden im Ausgang.</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.py" line="124" />
        <source>Not sent to: {0}</source>
        <translation>Nicht gesendet an: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.py" line="143" />
        <source>The escalation file has no path “pr”: add one to escalate a storm.</source>
        <translation>Die Eskalationsdatei enthält keinen Weg „pr“: Fügen Sie einen hinzu, um einen Sturm eskalieren zu können.</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.py" line="155" />
        <source>storm on “{topic}”, {rate} angry posts per hour (usually {baseline}).</source>
        <translation>Sturm zu „{topic}“, {rate} verärgerte Beiträge pro Stunde (sonst {baseline}).</translation>
    </message>
</context>
</TS>