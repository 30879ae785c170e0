<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../designer/actions.py" line="+56"/>
        <source>&amp;New Workspace…</source>
        <extracomment>The context menu&apos;s actions, in order; None is a separator.</extracomment>
        <translation>&amp;Nouvel espace de travail…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create an empty workspace file</source>
        <translation>Créer un fichier d&apos;espace de travail vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open another workspace (SQLite file)</source>
        <translation>Ouvrir un autre espace de travail (fichier SQLite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Bindings…</source>
        <translation>&amp;Importer des liaisons…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import binding files into the workspace</source>
        <translation>Importer des fichiers de liaison dans l&apos;espace de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Bindings…</source>
        <translation>&amp;Exporter les liaisons…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write a binding file from the workspace</source>
        <translation>Écrire un fichier de liaison à partir de l&apos;espace de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Application…</source>
        <translation>Exporter l&apos;&amp;application…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a binding file of one application (passwords blanked)</source>
        <translation>Écrire un fichier de liaison d&apos;une application (mots de passe effacés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Selection…</source>
        <translation>Exporter la &amp;sélection…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a binding file of the selected ports and groups (passwords blanked)</source>
        <translation>Écrire un fichier de liaison des ports et groupes sélectionnés (mots de passe effacés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Sample Application</source>
        <translation>Ouvrir l&apos;application d&apos;e&amp;xemple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the bundled Contoso sample binding file</source>
        <translation>Importer le fichier de liaison d&apos;exemple Contoso fourni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quit Portwright</source>
        <translation>Quitter Portwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undo the last change</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo the last undone change</source>
        <translation>Rétablir la dernière modification annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the selected ports and groups as binding XML</source>
        <translation>Copier les ports et groupes sélectionnés en XML de liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paste ports and groups from binding XML</source>
        <translation>Coller des ports et groupes depuis du XML de liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate the selected ports and groups</source>
        <translation>Dupliquer les ports et groupes sélectionnés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected ports and groups</source>
        <translation>Supprimer les ports et groupes sélectionnés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select every port and group</source>
        <translation>Sélectionner tous les ports et groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>Rec&amp;hercher…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find ports and groups by name, adapter or address</source>
        <translation>Rechercher des ports et groupes par nom, adaptateur ou adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;name…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename the selected port or group</source>
        <translation>Renommer le port ou le groupe sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Send &amp;Port…</source>
        <translation>Nouveau &amp;port d&apos;envoi…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a send port</source>
        <translation>Créer un port d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Send Port &amp;Group…</source>
        <translation>Nouveau &amp;groupe de ports d&apos;envoi…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a send port group</source>
        <translation>Créer un groupe de ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>A&amp;juster à la fenêtre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole canvas</source>
        <translation>Afficher tout le canevas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Auto-Layout</source>
        <translation>&amp;Disposition automatique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arrange ports next to their groups</source>
        <translation>Placer les ports à côté de leurs groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Minimap</source>
        <translation>&amp;Minicarte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show or hide the minimap</source>
        <translation>Afficher ou masquer la minicarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark Theme</source>
        <translation>Thème &amp;sombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch between light and dark</source>
        <translation>Basculer entre clair et sombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reload the workspace (shows others&apos; changes)</source>
        <translation>Recharger l&apos;espace de travail (affiche les modifications des autres)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Enlist</source>
        <translation>&amp;Inscrire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enlist: create the subscriptions</source>
        <translation>Inscrire : créer les abonnements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unenlist</source>
        <translation>&amp;Désinscrire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unenlist: remove the subscriptions</source>
        <translation>Désinscrire : supprimer les abonnements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start</source>
        <translation>Dé&amp;marrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start (enlists first if needed)</source>
        <translation>Démarrer (inscrit d&apos;abord si nécessaire)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop: messages wait, suspended, until started</source>
        <translation>Arrêter : les messages attendent, suspendus, jusqu&apos;au démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start Application</source>
        <translation>Démarrer l&apos;applica&amp;tion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enlist and start every port and group of the application</source>
        <translation>Inscrire et démarrer tous les ports et groupes de l&apos;application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top Application</source>
        <translation>Arrêter l&apos;app&amp;lication</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop every started port and group of the application</source>
        <translation>Arrêter tous les ports et groupes démarrés de l&apos;application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan &amp;Deployment…</source>
        <translation>Planifier le &amp;déploiement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the design against a target BizTalk group and list the steps that deploy it</source>
        <translation>Comparer la conception à un groupe BizTalk cible et lister les étapes qui la déploient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Portwright</source>
        <translation>À &amp;propos de Portwright</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About Portwright</source>
        <translation>À propos de Portwright</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Skips %n of the selection:</source>
        <extracomment>Why each refusable action is (partly) refused now; &quot;&quot; when it is allowed for all.</extracomment>
        <translation>Ignore %n éléments de la sélection :</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>Not available: %1</source>
        <translation>Non disponible : %1</translation>
    </message>
</context>
<context>
    <name>AdapterCatalog</name>
    <message>
        <location filename="../../designer/catalog_strings.py" line="+11"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name with macros such as %MessageID% or %SourceFileName%</source>
        <translation>Nom du fichier, avec des macros telles que %MessageID% ou %SourceFileName%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy mode</source>
        <translation>Mode de copie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do when the file exists</source>
        <translation>Que faire lorsque le fichier existe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Append</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overwrite</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use temporary file while writing</source>
        <translation>Utiliser un fichier temporaire pendant l&apos;écriture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write to a temporary file, then rename it (with Create New)</source>
        <translation>Écrire dans un fichier temporaire, puis le renommer (avec Créer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow cache on write</source>
        <translation>Autoriser le cache à l&apos;écriture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let the file system cache writes</source>
        <translation>Laisser le système de fichiers mettre les écritures en cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target folder; older exports write it, newer ones keep it in the address</source>
        <translation>Dossier cible ; les anciennes exportations l&apos;écrivent, les récentes le gardent dans l&apos;adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials</source>
        <translation>Informations d&apos;identification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternative account (domain\user) for the network share</source>
        <translation>Autre compte (domaine\utilisateur) pour le partage réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password of that account</source>
        <translation>Mot de passe de ce compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FTP</source>
        <translation>FTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter configuration</source>
        <translation>Configuration de l&apos;adaptateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The adapter&apos;s &lt;Config&gt; document; edit it through the fields below</source>
        <translation>Le document &lt;Config&gt; de l&apos;adaptateur ; modifiez-le avec les champs ci-dessous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full destination URI; BizTalk keeps it equal to the port address</source>
        <translation>URI de destination complet ; BizTalk le garde égal à l&apos;adresse du port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FTP server name or IP address</source>
        <translation>Nom ou adresse IP du serveur FTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP port of the FTP server</source>
        <translation>Port TCP du serveur FTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server type</source>
        <translation>Type de serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FTP server flavour; Detect lets the adapter find out</source>
        <translation>Type de serveur FTP ; Detect laisse l&apos;adaptateur le déterminer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account on the FTP server</source>
        <translation>Compte sur le serveur FTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password of that account (exported masked)</source>
        <translation>Mot de passe de ce compte (masqué à l&apos;exportation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FTP account name, if the server needs one</source>
        <translation>Nom du compte FTP, si le serveur en exige un</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target folder</source>
        <translation>Dossier cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder on the server that receives the files</source>
        <translation>Dossier du serveur qui reçoit les fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target file name</source>
        <translation>Nom du fichier cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name; macros allowed</source>
        <translation>Nom du fichier ; macros autorisées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representation</source>
        <translation>Représentation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer type</source>
        <translation>Type de transfert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary</source>
        <translation>Binaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASCII</source>
        <translation>ASCII</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocate storage</source>
        <translation>Allouer l&apos;espace de stockage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocate storage space first (legacy hosts)</source>
        <translation>Allouer d&apos;abord l&apos;espace de stockage (hôtes anciens)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Append if exists</source>
        <translation>Ajouter s&apos;il existe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Append to an existing file instead of replacing it</source>
        <translation>Ajouter à un fichier existant au lieu de le remplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection limit</source>
        <translation>Limite de connexions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent connections to the server (0: no limit)</source>
        <translation>Connexions simultanées au serveur (0 : sans limite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passive mode</source>
        <translation>Mode passif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use passive rather than active mode</source>
        <translation>Utiliser le mode passif plutôt que le mode actif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before put</source>
        <translation>Avant PUT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FTP commands run before the PUT, separated by &apos;;&apos;</source>
        <translation>Commandes FTP exécutées avant le PUT, séparées par &apos;;&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After put</source>
        <translation>Après PUT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FTP commands run after the PUT, separated by &apos;;&apos;</source>
        <translation>Commandes FTP exécutées après le PUT, séparées par &apos;;&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary folder</source>
        <translation>Dossier temporaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server folder used to recover from interrupted transfers</source>
        <translation>Dossier du serveur utilisé pour reprendre les transferts interrompus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local file receiving a log of FTP commands</source>
        <translation>Fichier local qui reçoit le journal des commandes FTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall type</source>
        <translation>Type de pare-feu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall</source>
        <translation>Pare-feu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall between BizTalk and the server</source>
        <translation>Pare-feu entre BizTalk et le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS 4</source>
        <translation>SOCKS 4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS 5</source>
        <translation>SOCKS 5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall address</source>
        <translation>Adresse du pare-feu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall DNS name or IP address</source>
        <translation>Nom DNS ou adresse IP du pare-feu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall port</source>
        <translation>Port du pare-feu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall user name</source>
        <translation>Nom d&apos;utilisateur du pare-feu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name for the firewall</source>
        <translation>Nom d&apos;utilisateur pour le pare-feu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall password</source>
        <translation>Mot de passe du pare-feu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for the firewall (exported masked)</source>
        <translation>Mot de passe pour le pare-feu (masqué à l&apos;exportation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use SSL (FTPS)</source>
        <translation>Utiliser SSL (FTPS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL</source>
        <translation>SSL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk to an FTPS server</source>
        <translation>Communiquer avec un serveur FTPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protect data channel</source>
        <translation>Protéger le canal de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypt the data channel too (with FTPS)</source>
        <translation>Chiffrer aussi le canal de données (avec FTPS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FTPS mode</source>
        <translation>Mode FTPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the SSL connection is made</source>
        <translation>Comment la connexion SSL est établie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explicit</source>
        <translation>Explicite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implicit</source>
        <translation>Implicite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate hash</source>
        <translation>Hachage du certificat client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA1 hash of the client certificate for SSL</source>
        <translation>Hachage SHA1 du certificat client pour SSL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSO affiliate application</source>
        <translation>Application affiliée SSO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Affiliate application for Single Sign-On</source>
        <translation>Application affiliée pour l&apos;authentification unique (SSO)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SFTP</source>
        <translation>SFTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH Server</source>
        <translation>Serveur SSH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SFTP server name or IP address</source>
        <translation>Nom ou adresse IP du serveur SFTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP port of the SFTP server</source>
        <translation>Port TCP du serveur SFTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Append to an existing file instead of overwriting it</source>
        <translation>Ajouter à un fichier existant au lieu de l&apos;écraser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How BizTalk authenticates to the server</source>
        <translation>Comment BizTalk s&apos;authentifie auprès du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PublicKeyAuthentication</source>
        <translation>PublicKeyAuthentication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MultiFactorAuthentication</source>
        <translation>MultiFactorAuthentication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account on the SFTP server</source>
        <translation>Compte sur le serveur SFTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key file</source>
        <translation>Fichier de clé privée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key (.ppk) for public key authentication</source>
        <translation>Clé privée (.ppk) pour l&apos;authentification par clé publique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key password</source>
        <translation>Mot de passe de la clé privée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password protecting the private key</source>
        <translation>Mot de passe qui protège la clé privée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept any host key</source>
        <translation>Accepter toute clé d&apos;hôte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept any SSH host key instead of checking the fingerprint</source>
        <translation>Accepter toute clé d&apos;hôte SSH au lieu de vérifier l&apos;empreinte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host key fingerprint</source>
        <translation>Empreinte de la clé d&apos;hôte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected fingerprint of the server&apos;s host key</source>
        <translation>Empreinte attendue de la clé d&apos;hôte du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption cipher</source>
        <translation>Algorithme de chiffrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher to negotiate</source>
        <translation>Algorithme à négocier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AES</source>
        <translation>AES</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arcfour</source>
        <translation>Arcfour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blowfish</source>
        <translation>Blowfish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TripleDES</source>
        <translation>TripleDES</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DES</source>
        <translation>DES</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent connections to the server</source>
        <translation>Connexions simultanées au serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max connection reuse (s)</source>
        <translation>Réutilisation max. d&apos;une connexion (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close pooled connections after this time (0 or less: never)</source>
        <translation>Fermer les connexions du pool après ce délai (0 ou moins : jamais)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy type</source>
        <translation>Type de proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol of the proxy server</source>
        <translation>Protocole du serveur proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS4</source>
        <translation>SOCKS4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy address</source>
        <translation>Adresse du proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy DNS name or IP address</source>
        <translation>Nom DNS ou adresse IP du proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy port</source>
        <translation>Port du proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy user name</source>
        <translation>Nom d&apos;utilisateur du proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name for the proxy</source>
        <translation>Nom d&apos;utilisateur pour le proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy password</source>
        <translation>Mot de passe du proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for the proxy</source>
        <translation>Mot de passe pour le proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content type of request messages</source>
        <translation>Type de contenu des messages de requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request timeout (s)</source>
        <translation>Délai d&apos;expiration de la requête (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds to wait for the response (0: computed from the message size)</source>
        <translation>Secondes d&apos;attente de la réponse (0 : calculé d&apos;après la taille du message)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum redirects</source>
        <translation>Redirections maximales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirects followed for one request</source>
        <translation>Redirections suivies pour une requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunked encoding</source>
        <translation>Encodage segmenté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send with HTTP chunked encoding (not through a proxy)</source>
        <translation>Envoyer avec l&apos;encodage HTTP segmenté (pas via un proxy)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication with the destination server</source>
        <translation>Authentification auprès du serveur de destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kerberos</source>
        <translation>Kerberos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name for Basic or Digest authentication</source>
        <translation>Nom d&apos;utilisateur pour l&apos;authentification Basic ou Digest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for Basic or Digest authentication</source>
        <translation>Mot de passe pour l&apos;authentification Basic ou Digest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate thumbprint</source>
        <translation>Empreinte numérique du certificat client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate for SSL</source>
        <translation>Certificat client pour SSL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use Single Sign-On</source>
        <translation>Utiliser l&apos;authentification unique (SSO)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the credentials from Enterprise SSO</source>
        <translation>Prendre les informations d&apos;identification dans Enterprise SSO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Affiliate application used with Single Sign-On</source>
        <translation>Application affiliée utilisée avec l&apos;authentification unique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use handler proxy settings</source>
        <translation>Utiliser les paramètres de proxy du gestionnaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the send handler&apos;s proxy configuration</source>
        <translation>Utiliser la configuration de proxy du gestionnaire d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use proxy</source>
        <translation>Utiliser un proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send through the proxy below</source>
        <translation>Envoyer via le proxy ci-dessous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy server</source>
        <translation>Serveur proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy server address</source>
        <translation>Adresse du serveur proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy server port</source>
        <translation>Port du serveur proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOAP</source>
        <translation>SOAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy from orchestration</source>
        <translation>Proxy de l&apos;orchestration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web Service</source>
        <translation>Service Web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the web service proxy of the orchestration port</source>
        <translation>Utiliser le proxy de service Web du port d&apos;orchestration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy assembly</source>
        <translation>Assembly du proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assembly holding the web service proxy</source>
        <translation>Assembly contenant le proxy de service Web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class holding the web method</source>
        <translation>Classe contenant la méthode Web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web method</source>
        <translation>Méthode Web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method invoked</source>
        <translation>Méthode appelée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOAP 1.2</source>
        <translation>SOAP 1.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate SOAP 1.2 proxy code</source>
        <translation>Générer le code de proxy SOAP 1.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NTLM</source>
        <translation>NTLM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate for the connection</source>
        <translation>Certificat client pour la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy server name</source>
        <translation>Nom du serveur proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient address(es)</source>
        <translation>Adresse(s) du destinataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC</source>
        <translation>CC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon-copy address(es)</source>
        <translation>Adresse(s) en copie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address in the From header</source>
        <translation>Adresse de l&apos;en-tête From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject header</source>
        <translation>En-tête Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery receipt</source>
        <translation>Accusé de remise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for a delivery confirmation</source>
        <translation>Demander une confirmation de remise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read receipt</source>
        <translation>Accusé de lecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for a read confirmation</source>
        <translation>Demander une confirmation de lecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body text</source>
        <translation>Texte du corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compose</source>
        <translation>Composition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text used as the e-mail body</source>
        <translation>Texte utilisé comme corps du courrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body text charset</source>
        <translation>Jeu de caractères du texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Character set of that text, e.g. utf-8</source>
        <translation>Jeu de caractères de ce texte, p. ex. utf-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body file</source>
        <translation>Fichier du corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File used as the e-mail body</source>
        <translation>Fichier utilisé comme corps du courrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body file charset</source>
        <translation>Jeu de caractères du fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Character set the body file is already in</source>
        <translation>Jeu de caractères dans lequel le fichier du corps est déjà</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach message parts</source>
        <translation>Joindre les parties du message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which BizTalk message parts become attachments</source>
        <translation>Quelles parties du message BizTalk deviennent des pièces jointes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body part only</source>
        <translation>Partie corps uniquement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All parts</source>
        <translation>Toutes les parties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path of a file to attach</source>
        <translation>Chemin d&apos;un fichier à joindre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler Override</source>
        <translation>Remplacement du gestionnaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP server; empty uses the send handler&apos;s</source>
        <translation>Serveur SMTP ; vide : celui du gestionnaire d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication with the SMTP server; empty uses the send handler&apos;s</source>
        <translation>Authentification auprès du serveur SMTP ; vide : celle du gestionnaire d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process account (NTLM)</source>
        <translation>Compte du processus (NTLM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name for Basic authentication</source>
        <translation>Nom d&apos;utilisateur pour l&apos;authentification Basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for Basic authentication</source>
        <translation>Mot de passe pour l&apos;authentification Basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSMQ</source>
        <translation>MSMQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination queue</source>
        <translation>File d&apos;attente de destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination queue, e.g. FORMATNAME:DIRECT=OS:server\PRIVATE$\queue</source>
        <translation>File d&apos;attente de destination, p. ex. FORMATNAME:DIRECT=OS:server\PRIVATE$\queue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same queue as written in the port address</source>
        <translation>Même file d&apos;attente que dans l&apos;adresse du port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactional</source>
        <translation>Transactionnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send inside an MSDTC transaction</source>
        <translation>Envoyer dans une transaction MSDTC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recoverable</source>
        <translation>Récupérable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store messages on disk so they survive restarts</source>
        <translation>Stocker les messages sur disque pour qu&apos;ils survivent aux redémarrages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSMQ message priority</source>
        <translation>Priorité du message MSMQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest</source>
        <translation>Lowest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VeryLow</source>
        <translation>VeryLow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AboveNormal</source>
        <translation>AboveNormal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VeryHigh</source>
        <translation>VeryHigh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest</source>
        <translation>Highest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time out</source>
        <translation>Délai d&apos;expiration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time allowed for reaching the queue</source>
        <translation>Délai accordé pour atteindre la file d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time out units</source>
        <translation>Unité du délai d&apos;expiration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit of the time out</source>
        <translation>Unité du délai d&apos;expiration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds</source>
        <translation>Secondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum message size (KB)</source>
        <translation>Taille maximale du message (Ko)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest message sent, in kilobytes</source>
        <translation>Plus grand message envoyé, en kilo-octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segmentation</source>
        <translation>Segmentation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split large messages (needs transactional)</source>
        <translation>Fractionner les gros messages (exige le mode transactionnel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body type</source>
        <translation>Type du corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VARENUM type of the MSMQ body (8209: byte array)</source>
        <translation>Type VARENUM du corps MSMQ (8209 : tableau d&apos;octets)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledgement</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System.Messaging.AcknowledgeTypes flags</source>
        <translation>Indicateurs System.Messaging.AcknowledgeTypes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledgement flags</source>
        <translation>Indicateurs d&apos;accusé de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numeric OR of the acknowledgement types</source>
        <translation>OR numérique des types d&apos;accusé de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administration queue</source>
        <translation>File d&apos;attente d&apos;administration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue receiving acknowledgements</source>
        <translation>File d&apos;attente qui reçoit les accusés de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use journal queue</source>
        <translation>Utiliser la file d&apos;attente du journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queues</source>
        <translation>Files d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a copy of each sent message</source>
        <translation>Conserver une copie de chaque message envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use dead-letter queue</source>
        <translation>Utiliser la file d&apos;attente de lettres mortes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move undeliverable messages to the dead-letter queue</source>
        <translation>Déplacer les messages non remis vers la file d&apos;attente de lettres mortes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use authentication</source>
        <translation>Utiliser l&apos;authentification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign messages with the certificate below</source>
        <translation>Signer les messages avec le certificat ci-dessous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate thumbprint</source>
        <translation>Empreinte numérique du certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate used to sign messages</source>
        <translation>Certificat utilisé pour signer les messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption algorithm</source>
        <translation>Algorithme de chiffrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RC2</source>
        <translation>RC2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RC4</source>
        <translation>RC4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account for a remote queue</source>
        <translation>Compte pour une file d&apos;attente distante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSphere MQ (client)</source>
        <translation>WebSphere MQ (client)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue manager</source>
        <translation>Gestionnaire de files d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSphere MQ queue manager</source>
        <translation>Gestionnaire de files d&apos;attente WebSphere MQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client channel transport</source>
        <translation>Transport du canal client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heartbeat (s)</source>
        <translation>Pulsation (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds between channel checks</source>
        <translation>Secondes entre deux vérifications du canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put messages under a transaction</source>
        <translation>Placer les messages dans une transaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow MQ to segment large messages</source>
        <translation>Autoriser MQ à segmenter les gros messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF-BasicHttp</source>
        <translation>WCF-BasicHttp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint identity</source>
        <translation>Identité du point de terminaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected service identity (&lt;identity&gt; element)</source>
        <translation>Identité attendue du service (élément &lt;identity&gt;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOAP action</source>
        <translation>Action SOAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOAPAction header: one action, or a BtsActionMapping document keyed by BTS.Operation</source>
        <translation>En-tête SOAPAction : une action, ou un document BtsActionMapping indexé par BTS.Operation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open timeout</source>
        <translation>Délai d&apos;ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binding</source>
        <translation>Liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time allowed to open the channel (hh:mm:ss)</source>
        <translation>Délai accordé pour ouvrir le canal (hh:mm:ss)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send timeout</source>
        <translation>Délai d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time allowed for a send, or the whole exchange on a solicit-response port</source>
        <translation>Délai accordé pour un envoi, ou pour tout l&apos;échange sur un port de sollicitation-réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close timeout</source>
        <translation>Délai de fermeture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time allowed to close the channel (hh:mm:ss)</source>
        <translation>Délai accordé pour fermer le canal (hh:mm:ss)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max received message size</source>
        <translation>Taille max. des messages reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest message, in bytes, accepted on the wire</source>
        <translation>Plus grand message accepté sur le réseau, en octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message encoding</source>
        <translation>Encodage des messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder for SOAP messages</source>
        <translation>Encodeur des messages SOAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mtom</source>
        <translation>Mtom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text encoding</source>
        <translation>Encodage du texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Character set when the encoding is Text</source>
        <translation>Jeu de caractères lorsque l&apos;encodage est Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>utf-8</source>
        <translation>utf-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>utf-16</source>
        <translation>utf-16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unicodeFFFE</source>
        <translation>unicodeFFFE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security mode</source>
        <translation>Mode de sécurité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport, message or mixed security</source>
        <translation>Sécurité de transport, de message ou mixte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TransportWithMessageCredential</source>
        <translation>TransportWithMessageCredential</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TransportCredentialOnly</source>
        <translation>TransportCredentialOnly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport credential</source>
        <translation>Informations d&apos;identification du transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client credential at transport level</source>
        <translation>Informations d&apos;identification du client au niveau du transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ntlm</source>
        <translation>Ntlm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message credential</source>
        <translation>Informations d&apos;identification du message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client credential at message level</source>
        <translation>Informations d&apos;identification du client au niveau du message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UserName</source>
        <translation>UserName</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Algorithm suite</source>
        <translation>Suite d&apos;algorithmes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message encryption and key-wrap algorithms</source>
        <translation>Algorithmes de chiffrement des messages et d&apos;encapsulage des clés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic128</source>
        <translation>Basic128</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic128Rsa15</source>
        <translation>Basic128Rsa15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic128Sha256</source>
        <translation>Basic128Sha256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic128Sha256Rsa15</source>
        <translation>Basic128Sha256Rsa15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic192</source>
        <translation>Basic192</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic192Rsa15</source>
        <translation>Basic192Rsa15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic192Sha256</source>
        <translation>Basic192Sha256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic192Sha256Rsa15</source>
        <translation>Basic192Sha256Rsa15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic256</source>
        <translation>Basic256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic256Rsa15</source>
        <translation>Basic256Rsa15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic256Sha256</source>
        <translation>Basic256Sha256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic256Sha256Rsa15</source>
        <translation>Basic256Sha256Rsa15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TripleDes</source>
        <translation>TripleDes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TripleDesRsa15</source>
        <translation>TripleDesRsa15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TripleDesSha256</source>
        <translation>TripleDesSha256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TripleDesSha256Rsa15</source>
        <translation>TripleDesSha256Rsa15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (CurrentUser\My) that authenticates this port</source>
        <translation>Certificat (CurrentUser\My) qui authentifie ce port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service certificate thumbprint</source>
        <translation>Empreinte numérique du certificat de service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (LocalMachine\AddressBook) that authenticates the service</source>
        <translation>Certificat (LocalMachine\AddressBook) qui authentifie le service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use ACS authentication</source>
        <translation>Utiliser l&apos;authentification ACS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticate with Azure Access Control Service</source>
        <translation>S&apos;authentifier auprès d&apos;Azure Access Control Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use SAS authentication</source>
        <translation>Utiliser l&apos;authentification SAS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticate with a Shared Access Signature</source>
        <translation>S&apos;authentifier avec une signature d&apos;accès partagé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name sent to the service when SSO is off</source>
        <translation>Nom d&apos;utilisateur envoyé au service lorsque SSO est désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password sent to the service when SSO is off</source>
        <translation>Mot de passe envoyé au service lorsque SSO est désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy to use</source>
        <translation>Proxy à utiliser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None, the send handler&apos;s proxy (Default) or ProxyAddress (UserSpecified)</source>
        <translation>None, le proxy du gestionnaire d&apos;envoi (Default) ou ProxyAddress (UserSpecified)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UserSpecified</source>
        <translation>UserSpecified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy URL, e.g. http://proxy:8080</source>
        <translation>URL du proxy, p. ex. http://proxy:8080</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound body</source>
        <translation>Corps sortant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build the SOAP Body from the message body or from the template</source>
        <translation>Construire le corps SOAP à partir du corps du message ou du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UseBodyElement</source>
        <translation>UseBodyElement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UseTemplate</source>
        <translation>UseTemplate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound XML template</source>
        <translation>Modèle XML sortant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template for the SOAP Body when OutboundBodyLocation is UseTemplate</source>
        <translation>Modèle du corps SOAP lorsque OutboundBodyLocation vaut UseTemplate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound body</source>
        <translation>Corps entrant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What becomes the response body: Body content, whole envelope or a body path</source>
        <translation>Ce qui devient le corps de la réponse : contenu du Body, enveloppe entière ou chemin dans le corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UseEnvelope</source>
        <translation>UseEnvelope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UseBodyPath</source>
        <translation>UseBodyPath</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound body path</source>
        <translation>Chemin du corps entrant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body path expression used with UseBodyPath</source>
        <translation>Expression de chemin du corps utilisée avec UseBodyPath</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound node encoding</source>
        <translation>Encodage du nœud entrant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding of the node selected by the body path</source>
        <translation>Encodage du nœud sélectionné par le chemin du corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xml</source>
        <translation>Xml</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>String</source>
        <translation>String</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propagate fault message</source>
        <translation>Propager le message d&apos;erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route SOAP faults to subscribers instead of suspending (solicit-response)</source>
        <translation>Router les erreurs SOAP vers les abonnés au lieu de suspendre (sollicitation-réponse)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF-WSHttp</source>
        <translation>WCF-WSHttp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable transaction</source>
        <translation>Activer la transaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow a WS-AtomicTransaction to the service</source>
        <translation>Transmettre une WS-AtomicTransaction au service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negotiate service credential</source>
        <translation>Négocier les informations d&apos;identification du service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obtain the service credential by negotiation</source>
        <translation>Obtenir les informations d&apos;identification du service par négociation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Establish security context</source>
        <translation>Établir un contexte de sécurité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Establish a WS-SecureConversation session</source>
        <translation>Établir une session WS-SecureConversation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF-WebHttp</source>
        <translation>WCF-WebHttp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP method and URL</source>
        <translation>Méthode HTTP et URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A verb (GET) or a BtsHttpUrlMapping document keyed by BTS.Operation</source>
        <translation>Un verbe (GET) ou un document BtsHttpUrlMapping indexé par BTS.Operation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variable mapping</source>
        <translation>Mappage des variables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BtsVariablePropertyMapping: URL variables taken from context properties</source>
        <translation>BtsVariablePropertyMapping : variables d&apos;URL tirées des propriétés de contexte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP headers</source>
        <translation>En-têtes HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra request headers, one &apos;Name: value&apos; per line</source>
        <translation>En-têtes de requête supplémentaires, un &apos;Nom: valeur&apos; par ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suppress body for verbs</source>
        <translation>Supprimer le corps pour les verbes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verbs sent without a body, comma separated (e.g. GET)</source>
        <translation>Verbes envoyés sans corps, séparés par des virgules (p. ex. GET)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport security of the HTTP channel</source>
        <translation>Sécurité de transport du canal HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS URI</source>
        <translation>URI du STS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token issuer used with ACS</source>
        <translation>Émetteur de jetons utilisé avec ACS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer name</source>
        <translation>Nom de l&apos;émetteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer name used with ACS</source>
        <translation>Nom de l&apos;émetteur utilisé avec ACS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer secret</source>
        <translation>Secret de l&apos;émetteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer secret used with ACS</source>
        <translation>Secret de l&apos;émetteur utilisé avec ACS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint behavior</source>
        <translation>Comportement du point de terminaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behavior</source>
        <translation>Comportement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &lt;behavior&gt; element of endpointBehaviors</source>
        <translation>L&apos;élément &lt;behavior&gt; de endpointBehaviors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF-NetTcp</source>
        <translation>WCF-NetTcp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow a transaction to the service</source>
        <translation>Transmettre une transaction au service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transaction protocol</source>
        <translation>Protocole de transaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol used to flow it</source>
        <translation>Protocole utilisé pour la transmettre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OleTransactions</source>
        <translation>OleTransactions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WS-AtomicTransactionOctober2004</source>
        <translation>WS-AtomicTransactionOctober2004</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport protection</source>
        <translation>Protection du transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection of the TCP stream</source>
        <translation>Protection du flux TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EncryptAndSign</source>
        <translation>EncryptAndSign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF-NetNamedPipe</source>
        <translation>WCF-NetNamedPipe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send inside a transaction flowed to the service</source>
        <translation>Envoyer dans une transaction transmise au service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport security of the named pipe, or none</source>
        <translation>Sécurité de transport du canal nommé, ou aucune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection of the named pipe stream</source>
        <translation>Protection du flux du canal nommé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF-NetMsmq</source>
        <translation>WCF-NetMsmq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to a transactional queue inside a transaction</source>
        <translation>Envoyer vers une file d&apos;attente transactionnelle dans une transaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dead-letter queue</source>
        <translation>File d&apos;attente de lettres mortes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where undeliverable messages go</source>
        <translation>Où vont les messages non remis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom dead-letter queue</source>
        <translation>File d&apos;attente de lettres mortes personnalisée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>net.msmq URI of the dead-letter queue when DeadLetterQueue is Custom</source>
        <translation>URI net.msmq de la file d&apos;attente de lettres mortes lorsque DeadLetterQueue vaut Custom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to live</source>
        <translation>Durée de vie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long a message may wait before it expires (d.hh:mm:ss)</source>
        <translation>Temps d&apos;attente d&apos;un message avant son expiration (j.hh:mm:ss)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use source journal</source>
        <translation>Utiliser le journal source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a copy of each sent message in the journal queue</source>
        <translation>Conserver une copie de chaque message envoyé dans la file d&apos;attente du journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSMQ transport security, message security, both or none</source>
        <translation>Sécurité de transport MSMQ, sécurité de message, les deux ou aucune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both</source>
        <translation>Both</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSMQ authentication</source>
        <translation>Authentification MSMQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How MSMQ authenticates messages</source>
        <translation>Comment MSMQ authentifie les messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WindowsDomain</source>
        <translation>WindowsDomain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSMQ protection</source>
        <translation>Protection MSMQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection of messages at the MSMQ transport level</source>
        <translation>Protection des messages au niveau du transport MSMQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSMQ hash algorithm</source>
        <translation>Algorithme de hachage MSMQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash used to sign messages</source>
        <translation>Hachage utilisé pour signer les messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sha1</source>
        <translation>Sha1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sha256</source>
        <translation>Sha256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sha512</source>
        <translation>Sha512</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSMQ encryption algorithm</source>
        <translation>Algorithme de chiffrement MSMQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher used to encrypt messages</source>
        <translation>Algorithme utilisé pour chiffrer les messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RC4Stream</source>
        <translation>RC4Stream</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aes</source>
        <translation>Aes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF-Custom</source>
        <translation>WCF-Custom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binding type</source>
        <translation>Type de liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF binding, e.g. basicHttpBinding, netTcpBinding, customBinding, sqlBinding</source>
        <translation>Liaison WCF, p. ex. basicHttpBinding, netTcpBinding, customBinding, sqlBinding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binding configuration</source>
        <translation>Configuration de la liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &lt;binding&gt; element configuring that binding</source>
        <translation>L&apos;élément &lt;binding&gt; qui configure cette liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referenced bindings</source>
        <translation>Liaisons référencées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;bindings&gt; referenced by issuers of the binding configuration</source>
        <translation>&lt;bindings&gt; référencées par les émetteurs de la configuration de liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolation level</source>
        <translation>Niveau d&apos;isolation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolation level of that transaction</source>
        <translation>Niveau d&apos;isolation de cette transaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serializable</source>
        <translation>Serializable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RepeatableRead</source>
        <translation>RepeatableRead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ReadCommitted</source>
        <translation>ReadCommitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ReadUncommitted</source>
        <translation>ReadUncommitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chaos</source>
        <translation>Chaos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unspecified</source>
        <translation>Unspecified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCF-SQL</source>
        <translation>WCF-SQL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service Bus (SB-Messaging)</source>
        <translation>Service Bus (SB-Messaging)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch flush interval</source>
        <translation>Intervalle de vidage des lots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time messages wait to be sent as a batch</source>
        <translation>Temps d&apos;attente des messages avant envoi par lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session idle timeout</source>
        <translation>Délai d&apos;inactivité de la session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle time before a session is closed</source>
        <translation>Temps d&apos;inactivité avant la fermeture d&apos;une session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max message size</source>
        <translation>Taille max. des messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest message, in bytes</source>
        <translation>Plus grand message, en octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAS key name</source>
        <translation>Nom de la clé SAS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the shared access policy</source>
        <translation>Nom de la stratégie d&apos;accès partagé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAS key</source>
        <translation>Clé SAS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key of that policy</source>
        <translation>Clé de cette stratégie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access Control Service token issuer</source>
        <translation>Émetteur de jetons d&apos;Access Control Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACS issuer name</source>
        <translation>Nom de l&apos;émetteur ACS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACS issuer secret</source>
        <translation>Secret de l&apos;émetteur ACS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brokered property namespace</source>
        <translation>Espace de noms des propriétés réparties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context properties of this namespace become brokered message properties</source>
        <translation>Les propriétés de contexte de cet espace de noms deviennent des propriétés du message réparti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correlation ID</source>
        <translation>ID de corrélation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CorrelationId of sent messages</source>
        <translation>CorrelationId des messages envoyés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partition key</source>
        <translation>Clé de partition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PartitionKey of sent messages</source>
        <translation>PartitionKey des messages envoyés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled enqueue time (UTC)</source>
        <translation>Heure de mise en file planifiée (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time at which sent messages become visible</source>
        <translation>Heure à laquelle les messages envoyés deviennent visibles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TimeToLive of sent messages (d.hh:mm:ss)</source>
        <translation>TimeToLive des messages envoyés (j.hh:mm:ss)</translation>
    </message>
</context>
<context>
    <name>AdapterPage</name>
    <message>
        <location filename="../../designer/editors/adapter_sections.py" line="+198"/>
        <source>Other &lt;%1&gt; elements</source>
        <extracomment>Labels longer than this wrap; shorter ones set the width of the label column. Below this width a form shows each label above its field.</extracomment>
        <translation>Autres éléments &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Configuration document</source>
        <translation>Document de configuration</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Other properties</source>
        <translation>Autres propriétés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The &lt;%1&gt; document is not well-formed (line %2: %3). Fix it under “Configuration document” below; the fields are locked until then.</source>
        <translation>Le document &lt;%1&gt; n&apos;est pas bien formé (ligne %2 : %3). Corrigez-le sous « Document de configuration » ci-dessous ; les champs restent verrouillés d&apos;ici là.</translation>
    </message>
</context>
<context>
    <name>AdapterSettingsEditor</name>
    <message>
        <location filename="../../designer/catalog_strings.py" line="+27"/>
        <source>The root element must be &lt;CustomProps&gt;.</source>
        <translation>L&apos;élément racine doit être &lt;CustomProps&gt;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A property name cannot have a namespace.</source>
        <translation>Un nom de propriété ne peut pas avoir d&apos;espace de noms.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;%1&gt;: vt must be a VARIANT code such as 8.</source>
        <translation>&lt;%1&gt; : vt doit être un code VARIANT tel que 8.</translation>
    </message>
    <message>
        <location filename="../../designer/editors/adapter_field_base.py" line="+34"/>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <location filename="../../designer/editors/adapter_form.py" line="+96"/>
        <source>The settings as the binding file stores them (TransportTypeData): one element per property, vt giving its VARIANT type. Nested documents appear escaped, as BizTalk writes them.</source>
        <translation>Les paramètres tels que le fichier de liaison les enregistre (TransportTypeData) : un élément par propriété, vt donnant son type VARIANT. Les documents imbriqués apparaissent échappés, comme BizTalk les écrit.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw XML</source>
        <translation>XML brut</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>The adapter settings in the file are not well-formed XML. Portwright keeps them as written; fix them in the Raw XML tab to edit them here.</source>
        <translation>Les paramètres d&apos;adaptateur du fichier ne sont pas du XML bien formé. Portwright les conserve tels quels ; corrigez-les dans l&apos;onglet XML brut pour les modifier ici.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Portwright has no form for the “%1” adapter: its settings are listed as written.</source>
        <translation>Portwright n&apos;a pas de formulaire pour l&apos;adaptateur « %1 » : ses paramètres sont listés tels qu&apos;écrits.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No adapter is chosen for this transport.</source>
        <translation>Aucun adaptateur n&apos;est choisi pour ce transport.</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
</context>
<context>
    <name>ApplicationMenu</name>
    <message>
        <location filename="../../designer/application_menu.py" line="+50"/>
        <source>Application &apos;%s&apos;</source>
        <translation>Application &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start Application</source>
        <translation>Démarrer l&apos;applica&amp;tion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top Application</source>
        <translation>Arrêter l&apos;app&amp;lication</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enlist and start every send port and group of &apos;%s&apos;</source>
        <translation>Inscrire et démarrer tous les ports d&apos;envoi et groupes de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop every started send port and group of &apos;%s&apos;</source>
        <translation>Arrêter tous les ports d&apos;envoi et groupes démarrés de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not available: %1</source>
        <translation>Non disponible : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export This Application…</source>
        <translation>E&amp;xporter cette application…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a binding file of &apos;%s&apos; (passwords blanked)</source>
        <translation>Écrire un fichier de liaison de &apos;%s&apos; (mots de passe effacés)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Validate</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check every send port and group of &apos;%s&apos;</source>
        <translation>Vérifier tous les ports d&apos;envoi et groupes de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Application &apos;%s&apos;: no problems found</source>
        <translation>Application &apos;%s&apos; : aucun problème trouvé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Application &apos;%s&apos;: %d error(s), %d warning(s), %d note(s) — see Problems</source>
        <translation>Application &apos;%s&apos; : %d erreur(s), %d avertissement(s), %d remarque(s) — voir Problèmes</translation>
    </message>
</context>
<context>
    <name>BindSetting</name>
    <message>
        <location filename="../../designer/editors/bind_dialog.py" line="+30"/>
        <source>A new setting needs a name.</source>
        <translation>Un nouveau paramètre doit avoir un nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already a setting named &apos;%s&apos;.</source>
        <translation>Il existe déjà un paramètre nommé « %s ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%s&apos; cannot name a setting: start with a letter or _, then letters, digits, _ or . only.</source>
        <translation>« %s » ne peut pas nommer un paramètre : commencez par une lettre ou _, puis uniquement des lettres, chiffres, _ ou .</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Bind to Setting</source>
        <translation>Lier à un paramètre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take &lt;b&gt;%s&lt;/b&gt; from a setting: the field will hold its token.</source>
        <translation>Prendre &lt;b&gt;%s&lt;/b&gt; d&apos;un paramètre : le champ contiendra son jeton.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Existing setting</source>
        <translation>Paramètre &amp;existant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter settings</source>
        <translation>Filtrer les paramètres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(secret)</source>
        <translation>(secret)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New setting</source>
        <translation>&amp;Nouveau paramètre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default:</source>
        <translation>Par défaut :</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose a setting in the list.</source>
        <translation>Choisissez un paramètre dans la liste.</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <location filename="../../designer/canvas/items.py" line="+183"/>
        <source>(set at run time)</source>
        <extracomment>The lowest zoom at which nodes&apos; names can be read: opening and Fit never go below it. Below this scale the overview draws the nodes; between it and DETAIL_LOD, outlines only. The size on screen of a node&apos;s label in the outline and overview drawings (points). Width of the name up close (the full inner width: the badge sits on the second line). the address as the environment the window shows has it (None: the design&apos;s own)</extracomment>
        <translation>(défini à l&apos;exécution)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no address)</source>
        <translation>(aucune adresse)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send port group · 1 member</source>
        <translation>Groupe de ports d&apos;envoi · 1 membre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send port group · %d members</source>
        <translation>Groupe de ports d&apos;envoi · %d membres</translation>
    </message>
    <message>
        <location filename="../../designer/canvas/tooltips.py" line="+24"/>
        <source>Application: %s</source>
        <translation>Application : %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Address: %s</source>
        <translation>Adresse : %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◆ In %s: %s</source>
        <translation>◆ Dans %s : %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+6"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+8"/>
        <source>Filter: %s</source>
        <translation>Filtre : %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members: %s</source>
        <translation>Membres : %s</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <location filename="../../designer/editors/adapter_fields.py" line="+336"/>
        <source>(not set)</source>
        <translation>(non défini)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Placeholder: filled in when the bindings are deployed.</source>
        <translation>Espace réservé : renseigné au déploiement des liaisons.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not one of the values this adapter lists; kept as written.</source>
        <translation>Ne fait pas partie des valeurs que cet adaptateur propose ; conservé tel qu&apos;écrit.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../designer/command_texts.py" line="+55"/>
        <location line="+18"/>
        <source>backup %s</source>
        <extracomment>Fields whose number means nothing to read (a bit mask): named, not quoted.</extracomment>
        <translation>%s de secours</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+18"/>
        <location line="+11"/>
        <source>Change %s of &apos;%s&apos;</source>
        <translation>Modifier %s de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Turn on %s of &apos;%s&apos;</source>
        <translation>Activer %s de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn off %s of &apos;%s&apos;</source>
        <translation>Désactiver %s de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear %s of &apos;%s&apos;</source>
        <translation>Effacer %s de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set %s of &apos;%s&apos; to %d</source>
        <translation>Définir %s de &apos;%s&apos; à %d</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Change %s and %s of &apos;%s&apos;</source>
        <translation>Modifier %s et %s de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change %d settings of &apos;%s&apos;</source>
        <translation>Modifier %d paramètres de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave &apos;%s&apos; as it is after deployment</source>
        <translation>Laisser &apos;%s&apos; tel quel après le déploiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set &apos;%s&apos; to be unenlisted after deployment</source>
        <translation>Rendre &apos;%s&apos; non inscrit après le déploiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &apos;%s&apos; to be enlisted (stopped) after deployment</source>
        <translation>Rendre &apos;%s&apos; inscrit (arrêté) après le déploiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &apos;%s&apos; to be started after deployment</source>
        <translation>Rendre &apos;%s&apos; démarré après le déploiement</translation>
    </message>
    <message>
        <location filename="../../designer/commands.py" line="+237"/>
        <source>Rename &apos;%s&apos; to &apos;%s&apos;</source>
        <extracomment>Merge ids: successive edits of one field of one object become one undo step. The audit log&apos;s word for this command&apos;s operation (&quot;edit&quot;, &quot;enlist&quot;...).</extracomment>
        <translation>Renommer &apos;%s&apos; en &apos;%s&apos;</translation>
    </message>
</context>
<context>
    <name>DeployModel</name>
    <message>
        <location filename="../../designer/panels/deploy_drift.py" line="+44"/>
        <source>(not set)</source>
        <extracomment>``_short``&apos;s shortened ``repr``: cut, then closed with ``...&apos;`` whatever quote it opened with</extracomment>
        <translation>(non défini)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>present</source>
        <extracomment>the object in the design the row opens (None: only the target has it) icon of the What column the message is not split: shown across the Target and Design columns</extracomment>
        <translation>présent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>only in the design</source>
        <translation>seulement dans la conception</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>only in the target</source>
        <translation>seulement dans la cible</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>renamed</source>
        <translation>renommé</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../../designer/panels/deploy_model.py" line="+196"/>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design</source>
        <translation>Conception</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../../designer/panels/deploy_model.py" line="-18"/>
        <source>Send port group &apos;%1&apos;</source>
        <translation>Groupe de ports d&apos;envoi &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../designer/panels/deploy_model.py" line="-2"/>
        <source>Send port &apos;%1&apos;</source>
        <translation>Port d&apos;envoi &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1
%2
Target: %3
Design: %4</source>
        <translation>%1
%2
Cible : %3
Conception : %4</translation>
    </message>
    <message>
        <location filename="../../designer/panels/deploy_model.py" line="-96"/>
        <source>Applications</source>
        <extracomment>The plan&apos;s phases (``model.deploy.plan``), by the actions in them. A tint per phase: mixed into the row&apos;s background, readable in both themes.</extracomment>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Definitions</source>
        <translation>Définitions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membership</source>
        <translation>Appartenance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring up</source>
        <translation>Mise en service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring down</source>
        <translation>Mise hors service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removal</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Application &apos;%1&apos;</source>
        <extracomment>the design cannot be reached under BizTalk&apos;s rules (``PlanError``&apos;s words) the target file or the workspace could not be read: nothing was planned what the plan was made from (the script&apos;s binding file is written from it) what differs between the target and the design (None: nothing was compared) the comparison failed (the plan may still be there)</extracomment>
        <translation>Application &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1. %2
Phase: %3
Why: %4</source>
        <translation>%1. %2
Phase : %3
Pourquoi : %4</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pre-flight against %1: %2</source>
        <translation>Vérification préalable pour %1 : %2</translation>
    </message>
</context>
<context>
    <name>DeployPanel</name>
    <message>
        <location filename="../../designer/panels/deploy_panel.py" line="+40"/>
        <source>Target files (*.json);;All files (*)</source>
        <translation>Fichiers cibles (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PowerShell scripts (*.ps1);;All files (*)</source>
        <translation>Scripts PowerShell (*.ps1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose Target…</source>
        <extracomment>kind value, name, field of the finding, step or drift the user opened (double-click or Enter) a planning finished and its outcome is shown</extracomment>
        <translation>Choisir la cible…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A JSON file describing a BizTalk group, with its exported bindings</source>
        <translation>Un fichier JSON décrivant un groupe BizTalk, avec ses liaisons exportées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan Again</source>
        <translation>Planifier à nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the target file again and plan</source>
        <translation>Relire le fichier cible et planifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save PowerShell Script…</source>
        <translation>Enregistrer le script PowerShell…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a script that applies the plan (with -WhatIf) and the design&apos;s binding file beside it</source>
        <translation>Écrire un script qui applique le plan (avec -WhatIf) et, à côté, le fichier de liaison de la conception</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pre-flight findings</source>
        <translation>Constats de la vérification préalable</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deployment plan</source>
        <translation>Plan de déploiement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drift between the target and the design</source>
        <translation>Écarts entre la cible et la conception</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Choose Target</source>
        <translation>Choisir la cible</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Save PowerShell Script</source>
        <translation>Enregistrer le script PowerShell</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote %1 and %2 beside it (passwords blanked)</source>
        <translation>%1 écrit, et %2 à côté (mots de passe effacés)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Target: %1</source>
        <translation>Cible : %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No target chosen</source>
        <translation>Aucune cible choisie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Pre-flight check&lt;/b&gt;: %1 error(s), %2 warning(s)</source>
        <translation>&lt;b&gt;Vérification préalable&lt;/b&gt; : %1 erreur(s), %2 avertissement(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Pre-flight check&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vérification préalable&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a target file (Deploy &gt; Plan Deployment…): a JSON description of a BizTalk group and its exported binding file. The pre-flight check, the plan and the drift appear here.</source>
        <translation>Choisissez un fichier cible (Déploiement &gt; Planifier le déploiement…) : une description JSON d&apos;un groupe BizTalk et son fichier de liaison exporté. La vérification préalable, le plan et les écarts apparaissent ici.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planning…</source>
        <translation>Planification…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot plan: %1</source>
        <translation>Planification impossible : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing in the design would trip the import.</source>
        <translation>Rien dans la conception ne ferait échouer l&apos;importation.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The target already matches the design.</source>
        <translation>La cible correspond déjà à la conception.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot compare the target with the design: %1</source>
        <translation>Impossible de comparer la cible à la conception : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No drift: the target matches the design.</source>
        <translation>Aucun écart : la cible correspond à la conception.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Plan (1 step)</source>
        <translation>Plan (1 étape)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan (%1 steps)</source>
        <translation>Plan (%1 étapes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan (not possible)</source>
        <translation>Plan (impossible)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The steps that deploy the design to the target, in order</source>
        <translation>Les étapes qui déploient la conception sur la cible, dans l&apos;ordre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drift (%1)</source>
        <translation>Écarts (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drift</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What differs between the target and the design, one row per difference</source>
        <translation>Ce qui diffère entre la cible et la conception, une ligne par différence</translation>
    </message>
</context>
<context>
    <name>DesiredState</name>
    <message>
        <location filename="../../designer/editors/desired_state.py" line="+23"/>
        <source>Left as it is</source>
        <extracomment>The choices, in the order shown; None is &quot;left as it is&quot;.</extracomment>
        <translation>Laissé tel quel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unenlisted</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enlisted (Stopped)</source>
        <translation>Inscrit (Arrêté)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>After deployment:</source>
        <translation>Après le déploiement :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The state the deployment plan brings it to. Left as it is: the state it has in the target group (a new one is unenlisted).</source>
        <translation>L&apos;état auquel le plan de déploiement l&apos;amène. Laissé tel quel : l&apos;état qu&apos;il a dans le groupe cible (un nouveau est non inscrit).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>State after deployment</source>
        <translation>État après le déploiement</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../designer/dialogs.py" line="+208"/>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About Portwright</source>
        <translation>À propos de Portwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Portwright&lt;/h3&gt;&lt;p&gt;A designer and administration tool for BizTalk Server send ports and send port groups.&lt;/p&gt;&lt;p&gt;Binding files are read and written without losing anything; the lifecycle follows BizTalk&apos;s rules.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Portwright&lt;/h3&gt;&lt;p&gt;Un outil de conception et d&apos;administration des ports d&apos;envoi et groupes de ports d&apos;envoi de BizTalk Server.&lt;/p&gt;&lt;p&gt;Les fichiers de liaison sont lus et écrits sans rien perdre ; le cycle de vie suit les règles de BizTalk.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../designer/document.py" line="+248"/>
        <source>Cannot undo &apos;%s&apos;</source>
        <extracomment>The record an editor last read of each object: its edits are based on that version. environments and settings (``designer.settings_door``) who receives a message (``designer.routing_door``) desired states after deployment, and the design plans are made from (``designer.deploy_door``)</extracomment>
        <translation>Impossible d&apos;annuler &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot redo &apos;%s&apos;</source>
        <translation>Impossible de rétablir &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Create send port &apos;%s&apos;</source>
        <translation>Créer le port d&apos;envoi &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Create send port group &apos;%s&apos;</source>
        <translation>Créer le groupe de ports d&apos;envoi &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Paste %d item(s)</source>
        <translation>Coller %d élément(s)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete &apos;%s&apos;</source>
        <translation>Supprimer &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete %d items</source>
        <translation>Supprimer %d éléments</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Move %d item(s)</source>
        <translation>Déplacer %d élément(s)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%d items</source>
        <translation>%d éléments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s %s</source>
        <translation>%s %s</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add %s to &apos;%s&apos;</source>
        <translation>Ajouter %s à &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %s from &apos;%s&apos;</source>
        <translation>Retirer %s de &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Edit &apos;%s&apos;</source>
        <translation>Modifier &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+20"/>
        <source>Import %s</source>
        <translation>Importer %s</translation>
    </message>
</context>
<context>
    <name>EditFlows</name>
    <message>
        <location filename="../../designer/edit_flows.py" line="+102"/>
        <source>Only send ports can be added to the group &apos;%s&apos;.</source>
        <translation>Seuls des ports d&apos;envoi peuvent être ajoutés au groupe &apos;%s&apos;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Added %s to &apos;%s&apos;</source>
        <translation>%s ajouté à &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move &apos;%s&apos;</source>
        <translation>Déplacer &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move %d items</source>
        <translation>Déplacer %d éléments</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Auto-layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not reload the workspace: %s</source>
        <translation>Impossible de recharger l&apos;espace de travail : %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reloaded the workspace</source>
        <translation>Espace de travail rechargé</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Copied %d item(s) as binding XML</source>
        <translation>%d élément(s) copié(s) en XML de liaison</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The clipboard does not hold binding XML: %s</source>
        <translation>Le presse-papiers ne contient pas de XML de liaison : %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The clipboard holds no send ports or groups.</source>
        <translation>Le presse-papiers ne contient aucun port d&apos;envoi ni groupe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste %s</source>
        <translation>Coller %s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%d items</source>
        <translation>%d éléments</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Place the copies</source>
        <translation>Placer les copies</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Duplicate %s</source>
        <translation>Dupliquer %s</translation>
    </message>
</context>
<context>
    <name>Editors</name>
    <message>
        <location filename="../../designer/editors/adapter_table.py" line="+55"/>
        <source>string</source>
        <extracomment>Readable names of the VARIANT codes binding files use, in the order the type menu offers.</extracomment>
        <translation>chaîne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bool</source>
        <translation>booléen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>int32</source>
        <translation>int32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uint32</source>
        <translation>uint32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>int16</source>
        <translation>int16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uint8</source>
        <translation>uint8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uint16</source>
        <translation>uint16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>int64</source>
        <translation>int64</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uint64</source>
        <translation>uint64</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A property needs a name.</source>
        <translation>Une propriété a besoin d&apos;un nom.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a valid XML element name.</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;élément XML valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A property name cannot contain “:”.</source>
        <translation>Un nom de propriété ne peut pas contenir « : ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already a property called “%1”.</source>
        <translation>Il existe déjà une propriété nommée « %1 ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” has its own field in the form above.</source>
        <translation>« %1 » a son propre champ dans le formulaire ci-dessus.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A null (vt 1) property carries no value.</source>
        <translation>Une propriété nulle (vt 1) ne porte aucune valeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a value.</source>
        <translation>Saisissez une valeur.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter %1 or %2.</source>
        <translation>Saisissez %1 ou %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter -1 (true) or 0 (false).</source>
        <translation>Saisissez -1 (vrai) ou 0 (faux).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>Saisissez un nombre entier de %1 à %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is out of range: enter a whole number from %2 to %3.</source>
        <translation>%1 est hors limites : saisissez un nombre entier de %2 à %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a date and time such as 12/31/2024 23:30:00.</source>
        <translation>Saisissez une date et une heure telles que 12/31/2024 23:30:00.</translation>
    </message>
    <message>
        <location filename="../../designer/editors/form_rows.py" line="+57"/>
        <location line="+120"/>
        <location line="+168"/>
        <source>Edit %s</source>
        <extracomment>The least width a text field is given beside its label (else it goes below the label).</extracomment>
        <translation>Modifier %s</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>A placeholder filled in per environment; edit it in the binding file</source>
        <translation>Un espace réservé renseigné par environnement ; modifiez-le dans le fichier de liaison</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%d is out of range (%d to %d); choose a value in range.</source>
        <translation>%d est hors limites (%d à %d) ; choisissez une valeur dans les limites.</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Placeholder %s: set per environment</source>
        <translation>Espace réservé %s : défini par environnement</translation>
    </message>
</context>
<context>
    <name>EnvironmentBox</name>
    <message>
        <location filename="../../designer/environment_box.py" line="+18"/>
        <source>Show the canvas with this environment&apos;s values (◆ marks a value taken from settings)</source>
        <translation>Afficher le canevas avec les valeurs de cet environnement (◆ marque une valeur issue des paramètres)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Design</source>
        <translation>Conception</translation>
    </message>
</context>
<context>
    <name>EnvironmentMarks</name>
    <message>
        <location filename="../../designer/editors/environment_marks.py" line="+69"/>
        <source>◆ In %s: %s
(from %s)</source>
        <translation>◆ Dans %s : %s
(issu de %s)</translation>
    </message>
</context>
<context>
    <name>ExplorerModel</name>
    <message>
        <location filename="../../designer/panels/explorer.py" line="+120"/>
        <location filename="../../designer/panels/explorer_model.py" line="+215"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../designer/panels/explorer_model.py" line="-2"/>
        <source>Name</source>
        <extracomment>(kind value, name) of a port or group row; None for application and folder rows. What Qt passes to a model&apos;s methods (PySide6 accepts both).</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Application %1</source>
        <translation>Application %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send Ports (%1)</source>
        <translation>Ports d&apos;envoi (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send Port Groups (%1)</source>
        <translation>Groupes de ports d&apos;envoi (%1)</translation>
    </message>
</context>
<context>
    <name>ExplorerPanel</name>
    <message>
        <location filename="../../designer/panels/explorer.py" line="-51"/>
        <location line="+2"/>
        <source>Filter by name</source>
        <extracomment>[(kind value, name), ...] of the ports and groups the user selected. kind value, name of a port or group double-clicked or opened with Enter. where (global coordinates) the user asked for a context menu; the selection is already made.</extracomment>
        <translation>Filtrer par nom</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Send ports and groups by application</source>
        <translation>Ports d&apos;envoi et groupes par application</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Showing the first %1 of %2 matches: type more to narrow.</source>
        <translation>Affichage des %1 premiers résultats sur %2 : tapez davantage pour affiner.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../designer/editors/adapter_field_base.py" line="+130"/>
        <source>Not saved: the setting stays unset (BizTalk&apos;s default).</source>
        <extracomment>Why the adapter&apos;s authentication mode needs this setting; False: it does not; None: the catalog has no rule for this adapter.</extracomment>
        <translation>Non enregistré : le paramètre reste non défini (valeur par défaut de BizTalk).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: the stored value is kept.</source>
        <translation>Non enregistré : la valeur enregistrée est conservée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: the stored value (%1) is kept.</source>
        <translation>Non enregistré : la valeur enregistrée (%1) est conservée.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Property %1 (%2)</source>
        <translation>Propriété %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the file: BizTalk uses its default (%1).</source>
        <translation>Absent du fichier : BizTalk utilise sa valeur par défaut (%1).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Required because %1: set it before importing into BizTalk.</source>
        <translation>Obligatoire car %1 : définissez-le avant l&apos;importation dans BizTalk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Required by the authentication mode chosen: set it before importing into BizTalk.</source>
        <translation>Exigé par le mode d&apos;authentification choisi : définissez-le avant l&apos;importation dans BizTalk.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Written as %1; the catalog expects %2.</source>
        <translation>Écrit en %1 ; le catalogue attend %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Placeholder: filled in when the bindings are deployed.</source>
        <translation>Espace réservé : renseigné au déploiement des liaisons.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../designer/file_dialogs.py" line="+51"/>
        <source>Folder</source>
        <extracomment>True where a native dialog may read files inside this process (see the module docstring).</extracomment>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>FileFlows</name>
    <message>
        <location filename="../../designer/file_flows.py" line="+32"/>
        <source>Binding files (*.xml);;All files (*)</source>
        <translation>Fichiers de liaison (*.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portwright workspaces (*.sqlite *.db);;All files (*)</source>
        <translation>Espaces de travail Portwright (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>(none)</source>
        <extracomment>Tests set this to run imports and exports on the calling thread.</extracomment>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Import Bindings</source>
        <translation>Importer des liaisons</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%s is a file of the open workspace: %s.</source>
        <translation>%s est un fichier de l&apos;espace de travail ouvert : %s.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it holds no bindings, nothing was imported</source>
        <translation>il ne contient aucune liaison, rien n&apos;a été importé</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Imported %d port(s) and group(s)</source>
        <translation>%d port(s) et groupe(s) importé(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing bindings…</source>
        <translation>Importation des liaisons…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+9"/>
        <source>Export Bindings</source>
        <translation>Exporter les liaisons</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Export only the %d selected item(s)?</source>
        <translation>Exporter uniquement les %d élément(s) sélectionné(s) ?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select the send ports and groups to export first.</source>
        <translation>Sélectionnez d&apos;abord les ports d&apos;envoi et groupes à exporter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Selection</source>
        <translation>Exporter la sélection</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The workspace has no applications to export.</source>
        <translation>L&apos;espace de travail n&apos;a aucune application à exporter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <source>Export Application</source>
        <translation>Exporter l&apos;application</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Application to export:</source>
        <translation>Application à exporter :</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>choose another file to export to</source>
        <translation>choisissez un autre fichier vers lequel exporter</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wrote %s (%d bytes)</source>
        <translation>%s écrit (%d octets)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote %s (%d bytes; passwords blanked)</source>
        <translation>%s écrit (%d octets ; mots de passe effacés)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting bindings…</source>
        <translation>Exportation des liaisons…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé : rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>New Workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>choose another name for the new workspace</source>
        <translation>choisissez un autre nom pour le nouvel espace de travail</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot replace %s: %s</source>
        <translation>Impossible de remplacer %s : %s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open Workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
</context>
<context>
    <name>FilterBuilder</name>
    <message>
        <location filename="../../designer/editors/filter_builder.py" line="+115"/>
        <source>No statements: this filter subscribes to no message.</source>
        <translation>Aucune instruction : ce filtre ne s&apos;abonne à aucun message.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a group of statements; a message matches the filter when it matches any one group</source>
        <translation>Ajouter un groupe d&apos;instructions ; un message correspond au filtre lorsqu&apos;il correspond à l&apos;un des groupes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preview:</source>
        <translation>Aperçu :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no statements)</source>
        <translation>(aucune instruction)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter preview</source>
        <translation>Aperçu du filtre</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Used in this workspace</source>
        <translation>Utilisé dans cet espace de travail</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Group %1, statement %2: %3</source>
        <translation>Groupe %1, instruction %2 : %3</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Add OR group</source>
        <translation>Ajouter un groupe OR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add group</source>
        <translation>Ajouter un groupe</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Group %1, statement %2</source>
        <translation>Groupe %1, instruction %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> … (%1 statements in all)</source>
        <translation> … (%1 instructions en tout)</translation>
    </message>
</context>
<context>
    <name>FilterPager</name>
    <message>
        <location filename="../../designer/editors/filter_pager.py" line="+28"/>
        <source>Previous page of statements</source>
        <translation>Page précédente d&apos;instructions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next page of statements</source>
        <translation>Page suivante d&apos;instructions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find a property or value</source>
        <translation>Rechercher une propriété ou une valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a statement</source>
        <translation>Rechercher une instruction</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows the page of the first statement whose property or value holds this text; Enter finds the next</source>
        <translation>Affiche la page de la première instruction dont la propriété ou la valeur contient ce texte ; Entrée trouve la suivante</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Statements %1–%2 of %3 (page %4 of %5)</source>
        <translation>Instructions %1–%2 sur %3 (page %4 sur %5)</translation>
    </message>
</context>
<context>
    <name>FindFlows</name>
    <message>
        <location filename="../../designer/find_flows.py" line="+126"/>
        <source>No send port or group named &apos;%s&apos;</source>
        <translation>Aucun port d&apos;envoi ni groupe nommé &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%d match(es)</source>
        <translation>%d résultat(s)</translation>
    </message>
</context>
<context>
    <name>GroupBox</name>
    <message>
        <location filename="../../designer/editors/filter_rows.py" line="+322"/>
        <source>Move group up</source>
        <translation>Monter le groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move group down</source>
        <translation>Descendre le groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Remove group</source>
        <translation>Supprimer le groupe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No statements: this group matches nothing and is left out when the filter is saved.</source>
        <translation>Aucune instruction : ce groupe ne correspond à rien et est omis à l&apos;enregistrement du filtre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add statement</source>
        <translation>Ajouter une instruction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a statement to this group (statements in a group are ANDed)</source>
        <translation>Ajouter une instruction à ce groupe (les instructions d&apos;un groupe sont combinées par AND)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Group %1</source>
        <translation>Groupe %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: statements %2–%3 of %4</source>
        <translation>%1 : instructions %2–%3 sur %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove group %1</source>
        <translation>Supprimer le groupe %1</translation>
    </message>
</context>
<context>
    <name>GroupEditor</name>
    <message>
        <location filename="../../designer/editors/group_editor.py" line="+49"/>
        <source>Send Port Group</source>
        <translation>Groupe de ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At most 256 characters</source>
        <translation>256 caractères au plus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Application:</source>
        <translation>Application :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send ports</source>
        <translation>Ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A send port group needs a name.</source>
        <translation>Un groupe de ports d&apos;envoi a besoin d&apos;un nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A send port group named &apos;%s&apos; already exists.</source>
        <translation>Un groupe de ports d&apos;envoi nommé &apos;%s&apos; existe déjà.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit the group&apos;s filter</source>
        <translation>Modifier le filtre du groupe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%s (does not exist)</source>
        <translation>%s (n&apos;existe pas)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No send port can be added: only static one-way ports that are not members yet can.</source>
        <translation>Aucun port d&apos;envoi ne peut être ajouté : seuls les ports unidirectionnels statiques qui ne sont pas encore membres le peuvent.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Send port group · %1 · %2</source>
        <extracomment>the state after deployment (not a setting of the group: kept with the design)</extracomment>
        <translation>Groupe de ports d&apos;envoi · %1 · %2</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&apos;%s&apos; is a send port group: only send ports can be members of a group.</source>
        <translation>&apos;%s&apos; est un groupe de ports d&apos;envoi : seuls des ports d&apos;envoi peuvent être membres d&apos;un groupe.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Added %s to &apos;%s&apos;</source>
        <translation>%s ajouté à &apos;%s&apos;</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../designer/language.py" line="+38"/>
        <source>English</source>
        <extracomment>The languages the window speaks: code, and its name in that language (the menu&apos;s items).</extracomment>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Takes effect when Portwright restarts</source>
        <translation>Prend effet au redémarrage de Portwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System Language</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The window will be in %1 when Portwright restarts.</source>
        <translation>La fenêtre sera en %1 au redémarrage de Portwright.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window will follow the system&apos;s language when Portwright restarts.</source>
        <translation>La fenêtre suivra la langue du système au redémarrage de Portwright.</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../designer/catalog_strings.py" line="-28"/>
        <source>Unenlisted</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enlist</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unenlist</source>
        <translation>Désinscrire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to group</source>
        <translation>Ajouter au groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from group</source>
        <translation>Retirer du groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start application</source>
        <translation>Démarrer l&apos;application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop application</source>
        <translation>Arrêter l&apos;application</translation>
    </message>
</context>
<context>
    <name>LifecycleFlows</name>
    <message>
        <location filename="../../designer/lifecycle_flows.py" line="+28"/>
        <source>Enlisted %s</source>
        <translation>Inscrit : %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unenlisted %s</source>
        <translation>Désinscrit : %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started %s</source>
        <translation>Démarré : %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped %s</source>
        <translation>Arrêté : %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted %s</source>
        <translation>Supprimé : %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>send port &apos;%s&apos;</source>
        <translation>port d&apos;envoi &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>send port group &apos;%s&apos;</source>
        <translation>groupe de ports d&apos;envoi &apos;%s&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%d send port</source>
        <translation>%d port d&apos;envoi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d send ports</source>
        <translation>%d ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%d send port group</source>
        <translation>%d groupe de ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d send port groups</source>
        <translation>%d groupes de ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Select a send port or group of the application first.</source>
        <extracomment>Where a note about the outcome goes (a global position); None: at the mouse pointer.</extracomment>
        <translation>Sélectionnez d&apos;abord un port d&apos;envoi ou un groupe de l&apos;application.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(no applications)</source>
        <translation>(aucune application)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../designer/mainwindow.py" line="+243"/>
        <source>%s (read-only) — Portwright</source>
        <translation>%s (lecture seule) — Portwright</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s — Portwright</source>
        <translation>%s — Portwright</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>&amp;Undo %s</source>
        <translation>&amp;Annuler %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %s</source>
        <translation>&amp;Rétablir %s</translation>
    </message>
    <message>
        <location filename="../../designer/status_counts.py" line="+51"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems: %s, %s</source>
        <translation>Problèmes : %s, %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 error</source>
        <translation>1 erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d errors</source>
        <translation>%d erreurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 warning</source>
        <translation>1 avertissement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d warnings</source>
        <translation>%d avertissements</translation>
    </message>
    <message>
        <location filename="../../designer/window_docks.py" line="+23"/>
        <source>Explorer</source>
        <translation>Explorateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;workspace opened&gt;</source>
        <translation>&lt;espace de travail ouvert&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Environments and settings: what a BTDF settings spreadsheet holds, by environment</source>
        <translation>Environnements et paramètres : ce que contient une feuille de paramètres BTDF, par environnement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Routing</source>
        <translation>Routage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who receives a message with a given context</source>
        <translation>Qui reçoit un message d&apos;un contexte donné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deployment</source>
        <translation>Déploiement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pre-flight check, the plan that deploys the design to a target BizTalk group, and its drift</source>
        <translation>La vérification préalable, le plan qui déploie la conception sur un groupe BizTalk cible, et ses écarts</translation>
    </message>
    <message>
        <location filename="../../designer/window_menus.py" line="+50"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lifecycle</source>
        <translation>Cycle de vie</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>View</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recent &amp;Files</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language</source>
        <extracomment>View &gt; Language (filled by ``designer.language.LanguageMenu``).</extracomment>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lifecycle</source>
        <translation>&amp;Cycle de vie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Application</source>
        <translation>A&amp;pplication</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start Application</source>
        <translation>Démarrer l&apos;application</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop Application</source>
        <translation>Arrêter l&apos;application</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Deploy</source>
        <translation>Déploie&amp;ment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
</context>
<context>
    <name>Minimap</name>
    <message>
        <location filename="../../designer/canvas/minimap.py" line="+32"/>
        <source>Minimap: click or drag to move around the canvas</source>
        <extracomment>The minimap&apos;s size in a roomy view, and the narrowest it gets in a small one.</extracomment>
        <translation>Minicarte : cliquez ou faites glisser pour vous déplacer dans le canevas</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <location filename="../../designer/dialogs.py" line="-41"/>
        <source>New Send Port Group</source>
        <translation>Nouveau groupe de ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional (at most 256 characters)</source>
        <translation>Facultatif (256 caractères au plus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The description is longer than 256 characters.</source>
        <translation>La description dépasse 256 caractères.</translation>
    </message>
</context>
<context>
    <name>NewPortDialog</name>
    <message>
        <location line="-100"/>
        <source>New Send Port</source>
        <translation>Nouveau port d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Static</source>
        <translation>Statique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dynamic</source>
        <translation>Dynamique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One-way</source>
        <translation>Unidirectionnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solicit-response</source>
        <translation>Sollicitation-réponse</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction:</source>
        <translation>Sens :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;dapter:</source>
        <translation>A&amp;daptateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add&amp;ress:</source>
        <translation>Ad&amp;resse :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The type and direction of a send port cannot be changed later.</source>
        <translation>Le type et le sens d&apos;un port d&apos;envoi ne peuvent pas être modifiés par la suite.</translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <location filename="../../designer/node_palette.py" line="+61"/>
        <source>Send port</source>
        <translation>Port d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send port group</source>
        <translation>Groupe de ports d&apos;envoi</translation>
    </message>
</context>
<context>
    <name>OperatorCombo</name>
    <message>
        <location filename="../../designer/editors/filter_rows.py" line="-315"/>
        <source>equals</source>
        <translation>égal à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Equals: the property has exactly this value.</source>
        <translation>Égal à : la propriété a exactement cette valeur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not equal</source>
        <translation>différent de</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not equal: the property has another value.</source>
        <translation>Différent de : la propriété a une autre valeur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less than</source>
        <translation>inférieur à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Less than this value.</source>
        <translation>Inférieur à cette valeur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less or equal</source>
        <translation>inférieur ou égal à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Less than or equal to this value.</source>
        <translation>Inférieur ou égal à cette valeur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>greater than</source>
        <translation>supérieur à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Greater than this value.</source>
        <translation>Supérieur à cette valeur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>greater or equal</source>
        <translation>supérieur ou égal à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Greater than or equal to this value.</source>
        <translation>Supérieur ou égal à cette valeur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exists: the message has this property, whatever its value. Takes no value.</source>
        <translation>Existe : le message a cette propriété, quelle que soit sa valeur. Ne prend pas de valeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bitwise AND</source>
        <translation>AND au niveau du bit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bitwise AND: the property&apos;s value AND this number is not zero.</source>
        <translation>AND au niveau du bit : la valeur de la propriété AND ce nombre n&apos;est pas nulle.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>exists</source>
        <translation>existe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Code %1 is not a BizTalk filter operator.</source>
        <translation>Le code %1 n&apos;est pas un opérateur de filtre BizTalk.</translation>
    </message>
</context>
<context>
    <name>OrSeparator</name>
    <message>
        <location line="+294"/>
        <source>OR</source>
        <translation>OR</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../designer/entry_text.py" line="+26"/>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unenlisted</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>started</source>
        <translation>démarrés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>arrêtés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unenlisted</source>
        <translation>non inscrits</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Static One-Way</source>
        <translation>Unidirectionnel statique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Static Solicit-Response</source>
        <translation>Sollicitation-réponse statique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dynamic One-Way</source>
        <translation>Unidirectionnel dynamique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dynamic Solicit-Response</source>
        <translation>Sollicitation-réponse dynamique</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%n port</source>
        <translation>%n port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n ports</source>
        <translation>%n ports</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%n group</source>
        <translation>%n groupe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n groups</source>
        <translation>%n groupes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 send port</source>
        <translation>Port d&apos;envoi %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adapter: %1</source>
        <translation>Adaptateur : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+13"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Address: %1</source>
        <translation>Adresse : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, … (%n more)</source>
        <translation>, … (%n de plus)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send port group</source>
        <translation>Groupe de ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members: %1</source>
        <translation>Membres : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State: %1</source>
        <translation>État : %1</translation>
    </message>
</context>
<context>
    <name>PortEditor</name>
    <message>
        <location filename="../../designer/editors/advanced_page.py" line="+22"/>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ordered delivery</source>
        <translation>Remise ordonnée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delivery:</source>
        <translation>Remise :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop sending on failure</source>
        <translation>Arrêter l&apos;envoi en cas d&apos;échec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop sending subsequent messages when the current message fails (ordered delivery only)</source>
        <translation>Arrêter l&apos;envoi des messages suivants lorsque le message en cours échoue (remise ordonnée uniquement)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Route failed messages</source>
        <translation>Router les messages en échec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enable routing for failed messages: a failed message is published with ErrorReport properties instead of being suspended</source>
        <translation>Activer le routage des messages en échec : un message en échec est publié avec les propriétés ErrorReport au lieu d&apos;être suspendu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Priority (1 highest):</source>
        <translation>Priorité (1 la plus haute) :</translation>
    </message>
    <message>
        <location filename="../../designer/editors/option_rows.py" line="+26"/>
        <source>Retry count:</source>
        <translation>Nombre de tentatives :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retry interval:</source>
        <translation>Intervalle entre tentatives :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the backup service window</source>
        <translation>Modifier la fenêtre de service de secours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the service window</source>
        <translation>Modifier la fenêtre de service</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service window:</source>
        <translation>Fenêtre de service :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send only between the start and stop time each day</source>
        <translation>N&apos;envoyer qu&apos;entre l&apos;heure de début et l&apos;heure de fin chaque jour</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Start time:</source>
        <translation>Heure de début :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily start: type a time such as 0830 or 08:30</source>
        <translation>Début quotidien : tapez une heure telle que 0830 ou 08:30</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop time:</source>
        <translation>Heure de fin :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily stop: type a time such as 1730 or 17:30</source>
        <translation>Fin quotidienne : tapez une heure telle que 1730 ou 17:30</translation>
    </message>
    <message>
        <location filename="../../designer/editors/pipelines_page.py" line="+28"/>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send pipeline:</source>
        <translation>Pipeline d&apos;envoi :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A send port needs a send pipeline.</source>
        <translation>Un port d&apos;envoi a besoin d&apos;un pipeline d&apos;envoi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send pipeline configuration:</source>
        <translation>Configuration du pipeline d&apos;envoi :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receive pipeline:</source>
        <translation>Pipeline de réception :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Receive pipeline configuration:</source>
        <translation>Configuration du pipeline de réception :</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Edit the pipeline configuration</source>
        <translation>Modifier la configuration du pipeline</translation>
    </message>
    <message>
        <location filename="../../designer/editors/port_editor.py" line="+206"/>
        <source>%1 send port · %2 · %3</source>
        <extracomment>First segment of a field path -&gt; the page that edits it (problems jump there). The page list&apos;s width with names, and with icons only (below COMPACT_WIDTH for the editor). the state after deployment (not a setting of the port: kept with the design) Hosts and pipelines for the pickers: BizTalk&apos;s, and what the workspace&apos;s ports use.</extracomment>
        <translation>Port d&apos;envoi %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../designer/editors/port_pages.py" line="+44"/>
        <source>General</source>
        <extracomment>A new name was typed and committed: renaming is its own command (the editor performs it).</extracomment>
        <translation>Général</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+211"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application:</source>
        <translation>Application :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A send port&apos;s type (static or dynamic, one-way or solicit-response) is fixed when it is created.</source>
        <translation>Le type d&apos;un port d&apos;envoi (statique ou dynamique, unidirectionnel ou sollicitation-réponse) est fixé à sa création.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A send port needs a name.</source>
        <translation>Un port d&apos;envoi a besoin d&apos;un nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A send port named &apos;%s&apos; already exists.</source>
        <translation>Un port d&apos;envoi nommé &apos;%s&apos; existe déjà.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Maps</source>
        <translation>Mappages</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outbound maps</source>
        <translation>Mappages sortants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound maps</source>
        <translation>Mappages entrants</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Map (full name)</source>
        <translation>Mappage (nom complet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assembly-qualified name</source>
        <translation>Nom qualifié d&apos;assembly</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add map</source>
        <translation>Ajouter un mappage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Every map needs its full name.</source>
        <translation>Chaque mappage a besoin de son nom complet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit maps</source>
        <translation>Modifier les mappages</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Edit the filter</source>
        <translation>Modifier le filtre</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate used to encrypt messages sent by this port (optional).</source>
        <translation>Le certificat utilisé pour chiffrer les messages envoyés par ce port (facultatif).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Short name:</source>
        <translation>Nom court :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thumbprint:</source>
        <translation>Empreinte numérique :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage:</source>
        <translation>Utilisation :</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Message bodies before send port processing</source>
        <translation>Corps des messages avant le traitement du port d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message bodies after send port processing</source>
        <translation>Corps des messages après le traitement du port d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response bodies before receive processing</source>
        <translation>Corps des réponses avant le traitement de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response bodies after receive processing</source>
        <translation>Corps des réponses après le traitement de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message properties before send port processing</source>
        <translation>Propriétés des messages avant le traitement du port d&apos;envoi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message properties after send port processing</source>
        <translation>Propriétés des messages après le traitement du port d&apos;envoi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Response properties before receive processing</source>
        <translation>Propriétés des réponses avant le traitement de réception</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Response properties after receive processing</source>
        <translation>Propriétés des réponses après le traitement de réception</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Edit tracking</source>
        <translation>Modifier le suivi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tracking is a placeholder (%s) set per environment.</source>
        <translation>Le suivi est un espace réservé (%s) défini par environnement.</translation>
    </message>
    <message>
        <location filename="../../designer/editors/transport_page.py" line="+30"/>
        <source>Backup Transport</source>
        <extracomment>The adapter settings keep this much height however short the dock (the page scrolls).</extracomment>
        <translation>Transport de secours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transport</source>
        <translation>Transport principal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Use a backup transport</source>
        <translation>Utiliser un transport de secours</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adapter:</source>
        <translation>Adaptateur :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Address (URI):</source>
        <translation>Adresse (URI) :</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+62"/>
        <source>A static send port needs an address.</source>
        <translation>Un port d&apos;envoi statique a besoin d&apos;une adresse.</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Send handler (host):</source>
        <translation>Gestionnaire d&apos;envoi (hôte) :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Default host of the adapter</source>
        <translation>Hôte par défaut de l&apos;adaptateur</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The backup transport needs an address.</source>
        <translation>Le transport de secours a besoin d&apos;une adresse.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Change the backup adapter to %s</source>
        <translation>Changer l&apos;adaptateur de secours en %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the backup transport</source>
        <translation>Supprimer le transport de secours</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change the adapter to %s</source>
        <translation>Changer l&apos;adaptateur en %s</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Edit adapter settings</source>
        <translation>Modifier les paramètres de l&apos;adaptateur</translation>
    </message>
</context>
<context>
    <name>PortEdits</name>
    <message>
        <location filename="../../designer/catalog_strings.py" line="+1"/>
        <source>Turn the backup transport on first.</source>
        <translation>Activez d&apos;abord le transport de secours.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dynamic send port has no backup transport.</source>
        <translation>Un port d&apos;envoi dynamique n&apos;a pas de transport de secours.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dynamic send port takes its transport options from each message at run time.</source>
        <translation>Un port d&apos;envoi dynamique prend ses options de transport de chaque message à l&apos;exécution.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dynamic send port gets its address and adapter from each message at run time.</source>
        <translation>Un port d&apos;envoi dynamique obtient son adresse et son adaptateur de chaque message à l&apos;exécution.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A static send port needs an address.</source>
        <translation>Un port d&apos;envoi statique a besoin d&apos;une adresse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only with ordered delivery: turn ordered delivery on first.</source>
        <translation>Uniquement avec la remise ordonnée : activez d&apos;abord la remise ordonnée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A send port needs a send pipeline.</source>
        <translation>Un port d&apos;envoi a besoin d&apos;un pipeline d&apos;envoi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound maps apply to responses: only solicit-response ports have them.</source>
        <translation>Les mappages entrants s&apos;appliquent aux réponses : seuls les ports de sollicitation-réponse en ont.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A one-way send port gets no response: it has no receive pipeline.</source>
        <translation>Un port d&apos;envoi unidirectionnel ne reçoit pas de réponse : il n&apos;a pas de pipeline de réception.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A one-way send port gets no response to track.</source>
        <translation>Un port d&apos;envoi unidirectionnel ne reçoit pas de réponse à suivre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A placeholder filled in per environment; edit it in the binding file.</source>
        <translation>Un espace réservé renseigné par environnement ; modifiez-le dans le fichier de liaison.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn the service window on first.</source>
        <translation>Activez d&apos;abord la fenêtre de service.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../designer/panels/problems_model.py" line="+45"/>
        <source>Error</source>
        <extracomment>(kind value, name, field) of a problem row. What Qt passes to a model&apos;s methods (PySide6 accepts both).</extracomment>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Send port &apos;%1&apos;</source>
        <translation>Port d&apos;envoi &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send port group &apos;%1&apos;</source>
        <translation>Groupe de ports d&apos;envoi &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send port %1</source>
        <translation>Port d&apos;envoi %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send port group %1</source>
        <translation>Groupe de ports d&apos;envoi %1</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../designer/panels/problems.py" line="+138"/>
        <source>Problems</source>
        <extracomment>kind value, name, field path of the problem the user opened (double-click or Enter). the number of errors, warnings or notes changed (see :meth:`counts`).</extracomment>
        <translation>Problèmes</translation>
    </message>
    <message numerus="yes">
        <location line="+179"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 error</source>
        <translation>1 erreur</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 warning</source>
        <translation>1 avertissement</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n notes</source>
        <translation>
            <numerusform>%n remarque</numerusform>
            <numerusform>%n remarques</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 note</source>
        <translation>1 remarque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not check the workspace: %1</source>
        <translation>Impossible de vérifier l&apos;espace de travail : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (checking…)</source>
        <translation>%1 (vérification…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show errors (%1)</source>
        <translation>Afficher les erreurs (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show warnings (%1)</source>
        <translation>Afficher les avertissements (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show notes (%1)</source>
        <translation>Afficher les remarques (%1)</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../../designer/panels/properties.py" line="+43"/>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Select a send port or send port group to see its settings.</source>
        <translation>Sélectionnez un port d&apos;envoi ou un groupe de ports d&apos;envoi pour voir ses paramètres.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no adapter</source>
        <translation>aucun adaptateur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no address</source>
        <translation>aucune adresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 retries, every %2 minutes</source>
        <translation>%1 tentatives, toutes les %2 minutes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No retries</source>
        <translation>Aucune nouvelle tentative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 retry</source>
        <translation>1 tentative</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n retries</source>
        <translation>
            <numerusform>%n tentative</numerusform>
            <numerusform>%n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every minute</source>
        <translation>toutes les minutes</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>every %n minutes</source>
        <translation>
            <numerusform>toutes les %n minutes</numerusform>
            <numerusform>toutes les %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Body before send</source>
        <translation>Corps avant envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body after send</source>
        <translation>Corps après envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body before receive</source>
        <translation>Corps avant réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body after receive</source>
        <translation>Corps après réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Properties before send</source>
        <translation>Propriétés avant envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Properties after send</source>
        <translation>Propriétés après envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Properties before receive</source>
        <translation>Propriétés avant réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Properties after receive</source>
        <translation>Propriétés après réception</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+48"/>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+48"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Transport</source>
        <translation>Transport principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter</source>
        <translation>Adaptateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send handler</source>
        <translation>Gestionnaire d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retries</source>
        <translation>Nouvelles tentatives</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup transport</source>
        <translation>Transport de secours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing</source>
        <translation>Traitement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send pipeline</source>
        <translation>Pipeline d&apos;envoi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receive pipeline</source>
        <translation>Pipeline de réception</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outbound maps</source>
        <translation>Mappages sortants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inbound maps</source>
        <translation>Mappages entrants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery</source>
        <translation>Remise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered delivery</source>
        <translation>Remise ordonnée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Orchestrations</source>
        <translation>Orchestrations</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>%1 send port · %2</source>
        <translation>Port d&apos;envoi %1 · %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(does not exist)</source>
        <translation>(n&apos;existe pas)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Members (%1)</source>
        <translation>Membres (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send port group · %1</source>
        <translation>Groupe de ports d&apos;envoi · %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send ports</source>
        <translation>Ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send port groups</source>
        <translation>Groupes de ports d&apos;envoi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n items selected</source>
        <translation>
            <numerusform>%n élément sélectionné</numerusform>
            <numerusform>%n éléments sélectionnés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PropertyTable</name>
    <message>
        <location filename="../../designer/editors/adapter_table.py" line="+47"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a property</source>
        <translation>Ajouter une propriété</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected property</source>
        <translation>Supprimer la propriété sélectionnée</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Edit this value in the editor below the table</source>
        <translation>Modifier cette valeur dans l&apos;éditeur sous le tableau</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Value of %1:</source>
        <translation>Valeur de %1 :</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The type must be a VARIANT code such as 8 (string).</source>
        <translation>Le type doit être un code VARIANT tel que 8 (chaîne).</translation>
    </message>
</context>
<context>
    <name>Reporter</name>
    <message>
        <location filename="../../designer/reporting.py" line="+34"/>
        <source>Portwright</source>
        <translation>Portwright</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%s; skipped %d: %s</source>
        <translation>%s ; %d ignoré(s) : %s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%s; skipped %d:</source>
        <translation>%s ; %d ignoré(s) :</translation>
    </message>
</context>
<context>
    <name>RoutingPanel</name>
    <message>
        <location filename="../../designer/panels/routing_panel.py" line="+58"/>
        <source>Context property</source>
        <extracomment>The canvas ring (and the result row) of each outcome. (kind value, name) -&gt; outcome value, for the canvas; empty when nothing is routed kind value, name of a recipient the user opened (double-click)</extracomment>
        <translation>Propriété de contexte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add property</source>
        <translation>Ajouter une propriété</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load context…</source>
        <translation>Charger un contexte…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A message context file, as the Administration Console saves it</source>
        <translation>Un fichier de contexte de message, tel que la console d&apos;administration l&apos;enregistre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through</source>
        <translation>Via</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+72"/>
        <source>Add the message&apos;s context properties to see who receives it.</source>
        <translation>Ajoutez les propriétés de contexte du message pour voir qui le reçoit.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Load Message Context</source>
        <translation>Charger un contexte de message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message context files (*.xml);;All files (*)</source>
        <translation>Fichiers de contexte de message (*.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Not routed: %s</source>
        <translation>Non routé : %s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (%d copies)</source>
        <translation> (%d copies)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>group matched</source>
        <translation>groupe correspondant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no members</source>
        <translation>aucun membre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Routing failure: no send port subscribes to this message.</source>
        <translation>Échec du routage : aucun port d&apos;envoi n&apos;est abonné à ce message.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%d delivered, %d suspended, %d not subscribed.</source>
        <translation>%d remis, %d suspendus, %d non abonnés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> Delivered twice: %s.</source>
        <translation> Remis deux fois : %s.</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <location filename="../../designer/editors/adapter_fields.py" line="-223"/>
        <location line="+45"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Show or hide the password</source>
        <translation>Afficher ou masquer le mot de passe</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Blank; the authentication mode chosen does not require it.</source>
        <translation>Vide ; le mode d&apos;authentification choisi ne l&apos;exige pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing: exported binding files blank passwords. Set it before importing into BizTalk.</source>
        <translation>Manquant : les fichiers de liaison exportés effacent les mots de passe. Définissez-le avant l&apos;importation dans BizTalk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placeholder: filled in when the bindings are deployed.</source>
        <translation>Espace réservé : renseigné au déploiement des liaisons.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
</context>
<context>
    <name>SettingBinding</name>
    <message>
        <location filename="../../designer/editors/setting_binding.py" line="+96"/>
        <source>Bind to Setting…</source>
        <translation>Lier à un paramètre…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Override in %s…</source>
        <translation>Remplacer dans %s…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override in an environment…</source>
        <translation>Remplacer dans un environnement…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose an environment on the toolbar first</source>
        <translation>Choisissez d&apos;abord un environnement dans la barre d&apos;outils</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unbind (use the value)</source>
        <translation>Délier (utiliser la valeur)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Override in %s</source>
        <translation>Remplacer dans %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value of %s in %s:</source>
        <translation>Valeur de %s dans %s :</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add setting %s</source>
        <translation>Ajouter le paramètre %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+24"/>
        <source>There is no setting named &apos;%s&apos;.</source>
        <translation>Aucun paramètre ne s&apos;appelle « %s ».</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Bind %s to setting %s</source>
        <translation>Lier %s au paramètre %s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose an environment on the toolbar first.</source>
        <translation>Choisissez d&apos;abord un environnement dans la barre d&apos;outils.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This field takes more than one setting: edit them in the settings grid.</source>
        <translation>Ce champ utilise plusieurs paramètres : modifiez-les dans la grille des paramètres.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Setting &apos;%s&apos; is a secret: its values are given at export time.</source>
        <translation>Le paramètre « %s » est un secret : ses valeurs sont fournies à l&apos;exportation.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set %s in %s</source>
        <translation>Définir %s dans %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override %s in %s</source>
        <translation>Remplacer %s dans %s</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%s has no value to put in the field.</source>
        <translation>%s n&apos;a pas de valeur à mettre dans le champ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unbind %s</source>
        <translation>Délier %s</translation>
    </message>
</context>
<context>
    <name>SettingsGridPanel</name>
    <message>
        <location filename="../../designer/panels/settings_grid.py" line="+51"/>
        <source>Whose settings: the whole workspace&apos;s or one application&apos;s</source>
        <translation>Paramètres de qui : de tout l&apos;espace de travail ou d&apos;une application</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find a setting or value</source>
        <translation>Rechercher un paramètre ou une valeur</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+121"/>
        <source>Add setting</source>
        <translation>Ajouter un paramètre</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Add a setting</source>
        <translation>Ajouter un paramètre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected settings (Delete)</source>
        <translation>Supprimer les paramètres sélectionnés (Suppr)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+127"/>
        <source>Add environment</source>
        <translation>Ajouter un environnement</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Add an environment column</source>
        <translation>Ajouter une colonne d&apos;environnement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fill…</source>
        <translation>Remplir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give every selected cell one value (Ctrl+D)</source>
        <translation>Donner une même valeur à toutes les cellules sélectionnées (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Settings of</source>
        <translation>Paramètres de</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Workspace (every application)</source>
        <translation>Espace de travail (toutes les applications)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No settings yet. Import a BTDF settings spreadsheet (File ▸ Import Settings…) or add one.</source>
        <translation>Aucun paramètre pour l&apos;instant. Importez une feuille de paramètres BTDF (Fichier ▸ Importer des paramètres…) ou ajoutez-en un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Without a value: %s.</source>
        <translation> Sans valeur : %s.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Secrets, given at export time: %s.</source>
        <translation> Secrets, fournis à l&apos;exportation : %s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%d settings; environments: %s.</source>
        <translation>%d paramètres ; environnements : %s.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select the cells to fill first.</source>
        <translation>Sélectionnez d&apos;abord les cellules à remplir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill</source>
        <translation>Remplir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value for the %d selected cells:</source>
        <translation>Valeur des %d cellules sélectionnées :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name of the new setting:</source>
        <translation>Nom du nouveau paramètre :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A setting needs a name of its own: &apos;%s&apos; is empty or taken.</source>
        <translation>Un paramètre a besoin d&apos;un nom propre : &apos;%s&apos; est vide ou déjà pris.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add setting %s</source>
        <translation>Ajouter le paramètre %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name of the new environment:</source>
        <translation>Nom du nouvel environnement :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An environment needs a name of its own: &apos;%s&apos; is empty or taken.</source>
        <translation>Un environnement a besoin d&apos;un nom propre : &apos;%s&apos; est vide ou déjà pris.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add environment %s</source>
        <translation>Ajouter l&apos;environnement %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select the settings to remove first.</source>
        <translation>Sélectionnez d&apos;abord les paramètres à supprimer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove settings %s</source>
        <translation>Supprimer les paramètres %s</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <location filename="../../designer/panels/settings_model.py" line="+82"/>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>A secret: its values are not kept in the workspace; give them at export time with --secrets FILE or %s</source>
        <translation>Un secret : ses valeurs ne sont pas conservées dans l&apos;espace de travail ; fournissez-les à l&apos;exportation avec --secrets FICHIER ou %s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(secret)</source>
        <translation>(secret)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%s: a secret, given at export time</source>
        <translation>%s : un secret, fourni à l&apos;exportation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s: the default (%s)</source>
        <translation>%s : la valeur par défaut (%s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s: no value and no default; an export of %s is refused</source>
        <translation>%s : aucune valeur ni valeur par défaut ; une exportation de %s est refusée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s: a value of its own</source>
        <translation>%s : une valeur propre</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Set %s</source>
        <translation>Définir %s</translation>
    </message>
</context>
<context>
    <name>StatementRow</name>
    <message>
        <location filename="../../designer/editors/filter_rows.py" line="-211"/>
        <source>AND</source>
        <translation>AND</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Property, e.g. BTS.MessageType</source>
        <translation>Propriété, p. ex. BTS.MessageType</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move statement up</source>
        <translation>Monter l&apos;instruction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move statement down</source>
        <translation>Descendre l&apos;instruction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove statement</source>
        <translation>Supprimer l&apos;instruction</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the value</source>
        <translation>Effacer la valeur</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>no value</source>
        <translation>aucune valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: property</source>
        <translation>%1 : propriété</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: value</source>
        <translation>%1 : valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../designer/workers.py" line="+65"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../designer/themes.py" line="+119"/>
        <source>Light</source>
        <extracomment>Colours of each theme by QPalette role; ``(active, disabled)`` where they differ. Selection in a window that does not have the focus: visible, but quieter.</extracomment>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>UnparsedPanel</name>
    <message>
        <location filename="../../designer/editors/filter_rows.py" line="+136"/>
        <source>This filter could not be read, so it is kept exactly as written below. Start a new filter to replace it (undo brings it back).</source>
        <translation>Ce filtre n&apos;a pas pu être lu ; il est donc conservé exactement tel qu&apos;écrit ci-dessous. Commencez un nouveau filtre pour le remplacer (l&apos;annulation le rétablit).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start a new filter</source>
        <translation>Commencer un nouveau filtre</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../designer/welcome.py" line="+29"/>
        <source>Welcome to Portwright</source>
        <translation>Bienvenue dans Portwright</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This workspace is empty. Import a BizTalk binding file to see its send ports and send port groups, or start from the sample application.</source>
        <translation>Cet espace de travail est vide. Importez un fichier de liaison BizTalk pour voir ses ports d&apos;envoi et groupes de ports d&apos;envoi, ou partez de l&apos;application d&apos;exemple.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import a binding file…</source>
        <translation>Importer un fichier de liaison…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the sample application</source>
        <translation>Ouvrir l&apos;application d&apos;exemple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a send port…</source>
        <translation>Créer un port d&apos;envoi…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recent files</source>
        <translation>Fichiers récents</translation>
    </message>
</context>
<context>
    <name>WindowTitle</name>
    <message>
        <location filename="../../designer/window_title.py" line="+27"/>
        <source>SQLite (in memory)</source>
        <translation>SQLite (en mémoire)</translation>
    </message>
</context>
<context>
    <name>XmlEditor</name>
    <message>
        <location filename="../../designer/catalog_strings.py" line="+1"/>
        <source>The document is empty.</source>
        <translation>Le document est vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document type declarations (DTD, entities) are not allowed.</source>
        <translation>Les déclarations de type de document (DTD, entités) ne sont pas autorisées.</translation>
    </message>
    <message>
        <location filename="../../designer/editors/xml_editor.py" line="+217"/>
        <source>Format</source>
        <extracomment>Debounce between the last keystroke and the well-formedness check shown while typing. The translation context of each sentence the model refuses a typed document with. (tag, attribute name, attribute value, entity, comment) on light and on dark backgrounds. Editing finished (after committing what was typed): the editor lost focus.</extracomment>
        <translation>Mettre en forme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indent the document, one element per line</source>
        <translation>Indenter le document, un élément par ligne</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2 : %3</translation>
    </message>
</context>
<context>
    <name>_NameForm</name>
    <message>
        <location filename="../../designer/dialogs.py" line="-75"/>
        <source>Unique name, e.g. Orders.Out.FILE</source>
        <translation>Nom unique, p. ex. Orders.Out.FILE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Application:</source>
        <translation>&amp;Application :</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A send port named &apos;%s&apos; already exists.</source>
        <translation>Un port d&apos;envoi nommé &apos;%s&apos; existe déjà.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A send port group named &apos;%s&apos; already exists.</source>
        <translation>Un groupe de ports d&apos;envoi nommé &apos;%s&apos; existe déjà.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names are at most 256 characters.</source>
        <translation>Les noms font 256 caractères au plus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose or type an application.</source>
        <translation>Choisissez ou tapez une application.</translation>
    </message>
</context>
<context>
    <name>_NodeButton</name>
    <message>
        <location filename="../../designer/node_palette.py" line="-38"/>
        <source>Drag onto the canvas, or click to create</source>
        <translation>Faites glisser sur le canevas, ou cliquez pour créer</translation>
    </message>
</context>
</TS>
