<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AttachersModel</name>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 octets</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>lecture-écriture</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Address range</source>
        <translation>Plage d&apos;adresses</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>Projeté</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
</context>
<context>
    <name>BrowserParts</name>
    <message>
        <source>%1: done (%2 of %3).</source>
        <translation>%1&#xa0;: fait (%2 sur %3).</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nouvelle</numerusform>
            <numerusform>%n nouvelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gone</source>
        <translation>
            <numerusform>%n disparue</numerusform>
            <numerusform>%n disparues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n modifiée</numerusform>
            <numerusform>%n modifiées</numerusform>
        </translation>
    </message>
    <message>
        <source>Last change at %1: %2</source>
        <translation>Dernier changement à %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ByteEditor</name>
    <message>
        <source>This view is read-only: switch editing on (Ctrl+E) to change bytes.</source>
        <translation>Cette vue est en lecture seule&#xa0;: activez la modification (Ctrl+E) pour changer des octets.</translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes do not fit at 0x%2:</source>
        <translation>
            <numerusform>%L1 octet ne tient pas en 0x%2&#xa0;:</numerusform>
            <numerusform>%L1 octets ne tiennent pas en 0x%2&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only %L1 bytes fit before the end of the segment; nothing was written.</source>
        <translation>
            <numerusform>seul %L1 octet tient avant la fin du segment&#xa0;; rien n&apos;a été écrit.</numerusform>
            <numerusform>seuls %L1 octets tiennent avant la fin du segment&#xa0;; rien n&apos;a été écrit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change at most %1 MiB at a time: undo keeps a copy of the bytes an edit replaces.</source>
        <translation>Modifiez au plus %1 Mio à la fois&#xa0;: l&apos;annulation garde une copie des octets qu&apos;une modification remplace.</translation>
    </message>
    <message numerus="yes">
        <source>Fill %L1 bytes with 0x%2</source>
        <translation>
            <numerusform>Remplir %L1 octet avec 0x%2</numerusform>
            <numerusform>Remplir %L1 octets avec 0x%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Saisie</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes were written before the error; they cannot be undone.</source>
        <translation>
            <numerusform>%L1 octet a été écrit avant l’erreur ; il ne peut pas être annulé.</numerusform>
            <numerusform>%L1 octets ont été écrits avant l’erreur ; ils ne peuvent pas être annulés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bytes at 0x%1 cannot be read, so an edit there could not be undone: nothing was written.</source>
        <translation>Les octets en 0x%1 ne peuvent pas être lus, une modification à cet endroit ne pourrait donc pas être annulée&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Writing at 0x%1 raised %2: the memory behind this page cannot be backed (no free huge page, or the mapping is gone). Some of the bytes may have been written.</source>
        <translation>L&apos;écriture en 0x%1 a provoqué %2&#xa0;: la mémoire derrière cette page ne peut pas être fournie (plus de grande page libre, ou la projection a disparu). Une partie des octets a pu être écrite.</translation>
    </message>
    <message>
        <source>Writing at 0x%1 raised SIGBUS: the file ends before it now (another process truncated it while it was mapped), so these bytes are gone. Some of the bytes before the end may have been written.</source>
        <translation>Écrire en 0x%1 a levé SIGBUS&#xa0;: le fichier se termine maintenant avant (un autre processus l’a tronqué pendant qu’il était projeté), ces octets n’existent donc plus. Certains des octets avant la fin ont pu être écrits.</translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <source>Ranges of bytes the tracker saw change anywhere in the segment, when each last changed and in how many passes. Double-click to go there.</source>
        <translation>Les plages d&apos;octets que le suivi a vues changer, n&apos;importe où dans le segment, avec l&apos;heure de leur dernier changement et le nombre de passages où elles ont changé. Double-cliquez pour y aller.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed range(s) in the whole segment</source>
        <translation>
            <numerusform>%n plage modifiée dans tout le segment</numerusform>
            <numerusform>%n plages modifiées dans tout le segment</numerusform>
        </translation>
    </message>
    <message>
        <source>(at most %L1: the closest are merged)</source>
        <translation>(au plus %L1&#xa0;: les plus proches sont fusionnées)</translation>
    </message>
    <message>
        <source>Ranges of bytes the tracker saw change anywhere in the object, when each last changed and in how many passes. Double-click to go there.</source>
        <translation>Plages d’octets que le suivi a vues changer n’importe où dans l’objet, quand chacune a changé pour la dernière fois et en combien de passes. Double-cliquez pour y aller.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed range(s) in the whole object</source>
        <translation>
            <numerusform>%n plage modifiée dans tout l’objet</numerusform>
            <numerusform>%n plages modifiées dans tout l’objet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeListModel</name>
    <message>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Dernier changement</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Fois</translation>
    </message>
</context>
<context>
    <name>ChangeMap</name>
    <message>
        <source>Where in the segment bytes change: bright where they changed just now, fading over a few seconds; a faint mark where they changed earlier. Click to go there.</source>
        <translation>Où les octets changent dans le segment&#xa0;: en vif là où ils viennent de changer, puis en s&apos;estompant en quelques secondes&#xa0;; une marque pâle là où ils ont changé plus tôt. Cliquez pour y aller.</translation>
    </message>
    <message>
        <source>0x%1 to 0x%2 (%3 of %4)</source>
        <translation>0x%1 à 0x%2 (%3 sur %4)</translation>
    </message>
</context>
<context>
    <name>CreateIpcDialog</name>
    <message>
        <source>Private (IPC_PRIVATE)</source>
        <translation>Privé (IPC_PRIVATE)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>ftok(path, project id)</source>
        <translation>ftok(chemin, identifiant de projet)</translation>
    </message>
    <message>
        <source>&amp;Key kind:</source>
        <translation>&amp;Type de clé&#xa0;:</translation>
    </message>
    <message>
        <source>0x1234abcd or 305441741</source>
        <translation>0x1234abcd ou 305441741</translation>
    </message>
    <message>
        <source>K&amp;ey:</source>
        <translation>C&amp;lé&#xa0;:</translation>
    </message>
    <message>
        <source>an existing file or directory</source>
        <translation>un fichier ou un répertoire existant</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>1..255 or a letter</source>
        <translation>1..255 ou une lettre</translation>
    </message>
    <message>
        <source>project id:</source>
        <translation>identifiant de projet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>C&amp;hemin&#xa0;:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Droits&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;xclusive: fail if the key is taken (IPC_EXCL)</source>
        <translation>E&amp;xclusif&#xa0;: échouer si la clé est déjà prise (IPC_EXCL)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Path for ftok</source>
        <translation>Chemin pour ftok</translation>
    </message>
    <message>
        <source>Enter a key: hexadecimal with 0x, or decimal.</source>
        <translation>Saisissez une clé&#xa0;: en hexadécimal avec 0x, ou en décimal.</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Enter the path of an existing file or directory for ftok.</source>
        <translation>Saisissez pour ftok le chemin d&apos;un fichier ou d&apos;un répertoire existant.</translation>
    </message>
    <message>
        <source>Enter a project id from 1 to 255 (or one character).</source>
        <translation>Saisissez un identifiant de projet de 1 à 255 (ou un caractère).</translation>
    </message>
    <message>
        <source>ftok gives key %1.</source>
        <translation>ftok donne la clé %1.</translation>
    </message>
</context>
<context>
    <name>CreateQueueDialog</name>
    <message>
        <source>New message queue</source>
        <translation>Nouvelle file de messages</translation>
    </message>
    <message>
        <source>Key 0 is IPC_PRIVATE: a new private queue is made.</source>
        <translation>La clé 0 est IPC_PRIVATE&#xa0;: une nouvelle file privée sera créée.</translation>
    </message>
    <message>
        <source>Key %1 is already taken by message queue %2 (exclusive create).</source>
        <translation>La clé %1 est déjà prise par la file de messages %2 (création exclusive).</translation>
    </message>
    <message>
        <source>Key %1 is taken by message queue %2: without exclusive create, that queue is opened instead.</source>
        <translation>La clé %1 est prise par la file de messages %2&#xa0;: sans création exclusive, c&apos;est cette file qui est ouverte.</translation>
    </message>
</context>
<context>
    <name>CreateSegmentDialog</name>
    <message>
        <source>New segment</source>
        <translation>Nouveau segment</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>Kio</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>Gio</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>Ta&amp;ille&#xa0;:</translation>
    </message>
    <message>
        <source>At most %1 (SHMMAX)</source>
        <translation>Au plus %1 (SHMMAX)</translation>
    </message>
    <message>
        <source>Key 0 is IPC_PRIVATE: a new private segment is made.</source>
        <translation>La clé 0 est IPC_PRIVATE&#xa0;: un nouveau segment privé sera créé.</translation>
    </message>
    <message>
        <source>Key %1 is already taken by segment %2 (exclusive create).</source>
        <translation>La clé %1 est déjà prise par le segment %2 (création exclusive).</translation>
    </message>
    <message>
        <source>Key %1 is taken by segment %2: without exclusive create, that segment is opened instead (its size must be at least the size asked).</source>
        <translation>La clé %1 est prise par le segment %2&#xa0;: sans création exclusive, c&apos;est ce segment qui est ouvert (sa taille doit être au moins celle demandée).</translation>
    </message>
    <message>
        <source>Enter a size.</source>
        <translation>Saisissez une taille.</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Taille&#xa0;: %1</translation>
    </message>
    <message>
        <source>The size %1 is above the system&apos;s largest segment, SHMMAX = %2.</source>
        <translation>La taille %1 dépasse le plus grand segment permis par le système, SHMMAX = %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%L2 bytes)</source>
        <translation>
            <numerusform>%1 (%L2 octet)</numerusform>
            <numerusform>%1 (%L2 octets)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the segment &amp;after creating it</source>
        <translation>Ouvrir le segment a&amp;près l&apos;avoir créé</translation>
    </message>
</context>
<context>
    <name>CreateSemaphoreSetDialog</name>
    <message>
        <source>New semaphore set</source>
        <translation>Nouvel ensemble de sémaphores</translation>
    </message>
    <message>
        <source>&amp;Semaphores:</source>
        <translation>Nombre de &amp;sémaphores&#xa0;:</translation>
    </message>
    <message>
        <source>One value for every semaphore, or one value a semaphore, split by spaces or commas; each 0 to %1 (SEMVMX).</source>
        <translation>Une valeur pour tous les sémaphores, ou une valeur par sémaphore, séparées par des espaces ou des virgules&#xa0;; chacune de 0 à %1 (SEMVMX).</translation>
    </message>
    <message>
        <source>&amp;Initial values:</source>
        <translation>Valeurs &amp;initiales&#xa0;:</translation>
    </message>
    <message>
        <source>Key 0 is IPC_PRIVATE: a new private set is made.</source>
        <translation>La clé 0 est IPC_PRIVATE&#xa0;: un nouvel ensemble privé sera créé.</translation>
    </message>
    <message>
        <source>Without exclusive create, an existing set of this key is opened instead, and its values are left as they are.</source>
        <translation>Sans création exclusive, c&apos;est l&apos;ensemble existant de cette clé qui est ouvert, et ses valeurs restent telles quelles.</translation>
    </message>
    <message>
        <source>Initial values: %1</source>
        <translation>Valeurs initiales&#xa0;: %1</translation>
    </message>
    <message>
        <source>Enter the initial values: one for all, or one a semaphore.</source>
        <translation>Saisissez les valeurs initiales&#xa0;: une pour tous, ou une par sémaphore.</translation>
    </message>
    <message numerus="yes">
        <source>%n values for %1 semaphores: give one value for all, or one a semaphore.</source>
        <translation>
            <numerusform>%n valeur pour %1 sémaphores&#xa0;: donnez une valeur pour tous, ou une par sémaphore.</numerusform>
            <numerusform>%n valeurs pour %1 sémaphores&#xa0;: donnez une valeur pour tous, ou une par sémaphore.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataInspector</name>
    <message>
        <source>Little endian</source>
        <translation>Petit-boutiste</translation>
    </message>
    <message>
        <source>Big endian</source>
        <translation>Gros-boutiste</translation>
    </message>
    <message>
        <source>The value at the cursor. Double-click a value to write new bytes.</source>
        <translation>La valeur sous le curseur. Double-cliquez sur une valeur pour écrire de nouveaux octets.</translation>
    </message>
    <message>
        <source>(past the end)</source>
        <translation>(au-delà de la fin)</translation>
    </message>
    <message>
        <source>Not a valid %1: %2</source>
        <translation>%1 non valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>Set %1 at 0x%2</source>
        <translation>Écrire %1 en 0x%2</translation>
    </message>
    <message>
        <source>The value in memory now: %1. Enter writes what you typed; Esc gives the field back to the live value.</source>
        <translation>La valeur actuellement en mémoire&#xa0;: %1. Entrée écrit ce que vous avez tapé&#xa0;; Esc remet dans le champ la valeur en temps réel.</translation>
    </message>
    <message>
        <source>now: %1</source>
        <translation>maintenant&#xa0;: %1</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>%1 was not written at 0x%2: the cursor moved before Enter.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas été écrit en 0x%2&#xa0;: le curseur s&apos;est déplacé avant Entrée.</translation>
    </message>
    <message>
        <source>Editing %1 at 0x%2: Enter writes what you typed, Esc gives the field back to the live value. In memory now: %3</source>
        <translation>Modification de %1 en 0x%2&#xa0;: Entrée écrit ce que vous avez tapé, Esc remet dans le champ la valeur en temps réel. En mémoire maintenant&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 was not written: press Enter in the field to write it, Esc to give the field back.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas été écrit&#xa0;: appuyez sur Entrée dans le champ pour l&apos;écrire, sur Esc pour rétablir le champ.</translation>
    </message>
</context>
<context>
    <name>DemoBytesView</name>
    <message>
        <source>(not attached)</source>
        <translation>(non attaché)</translation>
    </message>
    <message>
        <source>Bytes of the shared int</source>
        <translation>Octets de l&apos;int partagé</translation>
    </message>
</context>
<context>
    <name>DemoWindow</name>
    <message>
        <source>Fork demo: one int shared by a parent and its child</source>
        <translation>Démonstration de fork&#xa0;: un int partagé par un père et son fils</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Stop the child, detach, and start the lesson again.</source>
        <translation>Arrêter le fils, détacher le segment et reprendre la leçon au début.</translation>
    </message>
    <message>
        <source>The shared int</source>
        <translation>L&apos;int partagé</translation>
    </message>
    <message>
        <source>*shared_int, read by the window (the parent) through its attachment.</source>
        <translation>*shared_int, lu par la fenêtre (le père) à travers son attachement.</translation>
    </message>
    <message>
        <source>The segment&apos;s bytes (little-endian int): a byte that changes lights up.</source>
        <translation>Les octets du segment (int petit-boutiste)&#xa0;: un octet qui change s&apos;allume.</translation>
    </message>
    <message>
        <source>The memory view appears here once the parent has attached the segment (step 2).</source>
        <translation>La vue mémoire apparaît ici dès que le père a attaché le segment (étape 2).</translation>
    </message>
    <message>
        <source>Live: the child keeps changing the int</source>
        <translation>En continu&#xa0;: le fils modifie l&apos;int sans arrêt</translation>
    </message>
    <message>
        <source>counts up (reads, adds 1, writes)</source>
        <translation>compte (lit, ajoute 1, écrit)</translation>
    </message>
    <message>
        <source>writes the value below</source>
        <translation>écrit la valeur ci-dessous</translation>
    </message>
    <message>
        <source>only watches (reports changes)</source>
        <translation>observe seulement (signale les changements)</translation>
    </message>
    <message>
        <source> writes/s</source>
        <translation> écritures/s</translation>
    </message>
    <message>
        <source>Start &amp;live</source>
        <translation>&amp;Mode continu</translation>
    </message>
    <message>
        <source>&amp;Write from the parent</source>
        <translation>É&amp;crire depuis le père</translation>
    </message>
    <message>
        <source>*shared_int = value, in this window&apos;s process: the child reports what it sees through its pipe.</source>
        <translation>*shared_int = valeur, dans le processus de cette fenêtre&#xa0;: le fils signale ce qu&apos;il voit par son tube.</translation>
    </message>
    <message>
        <source>Child:</source>
        <translation>Fils&#xa0;:</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Père&#xa0;:</translation>
    </message>
    <message>
        <source>The shared int over the last seconds, as the parent sees it.</source>
        <translation>L&apos;int partagé au cours des dernières secondes, tel que le père le voit.</translation>
    </message>
    <message>
        <source>What the child writes to its pipe appears here.</source>
        <translation>Ce que le fils écrit dans son tube apparaît ici.</translation>
    </message>
    <message>
        <source>The value over the last 10 seconds</source>
        <translation>La valeur au cours des 10 dernières secondes</translation>
    </message>
    <message>
        <source>The child&apos;s pipe (its readings) and the parent&apos;s writes</source>
        <translation>Le tube du fils (ses lectures) et les écritures du père</translation>
    </message>
    <message>
        <source>child</source>
        <translation>fils</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>père</translation>
    </message>
    <message>
        <source>parent %1</source>
        <translation>père %1</translation>
    </message>
    <message>
        <source>child %1</source>
        <translation>fils %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;shmget&lt;/b&gt; made a new segment of &lt;b&gt;%1 bytes&lt;/b&gt; with the key IPC_PRIVATE: no other program can find it by key; only processes that inherit it share it. The kernel fills it with zeros. Nobody is attached yet: &lt;b&gt;nattch is 0&lt;/b&gt;.&lt;br&gt;&lt;i&gt;Until step 4, a crash here would leave this segment in the system for good (ipcs -m would show it).&lt;/i&gt;</source>
        <translation>&lt;b&gt;shmget&lt;/b&gt; a créé un nouveau segment de &lt;b&gt;%1 octets&lt;/b&gt; avec la clé IPC_PRIVATE&#xa0;: aucun autre programme ne peut le retrouver par sa clé&#xa0;; seuls les processus qui en héritent le partagent. Le noyau le remplit de zéros. Personne n&apos;y est encore attaché&#xa0;: &lt;b&gt;nattch vaut 0&lt;/b&gt;.&lt;br&gt;&lt;i&gt;Jusqu&apos;à l&apos;étape 4, un plantage ici laisserait ce segment dans le système pour de bon (ipcs -m le montrerait).&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;shmat&lt;/b&gt; mapped the segment into the parent&apos;s memory: the int lives at %1. &lt;b&gt;nattch is 1&lt;/b&gt;. The value reads 0, as the bytes show.</source>
        <translation>&lt;b&gt;shmat&lt;/b&gt; a projeté le segment dans la mémoire du père&#xa0;: l&apos;int se trouve à l&apos;adresse %1. &lt;b&gt;nattch vaut 1&lt;/b&gt;. La valeur lue est 0, comme le montrent les octets.</translation>
    </message>
    <message>
        <source>= %1 (0 in the child)</source>
        <translation>= %1 (0 dans le fils)</translation>
    </message>
    <message>
        <source>%1 → pipe: started, attached, sees the int</source>
        <translation>%1 → tube&#xa0;: démarré, attaché, voit l&apos;int</translation>
    </message>
    <message>
        <source>&lt;b&gt;fork&lt;/b&gt; copied the parent: the child (pid %1) has the same attachment at the same address, so &lt;b&gt;nattch is 2&lt;/b&gt;. The child dies with its parent (PR_SET_PDEATHSIG, checked right after fork) and will be reaped: no zombie.</source>
        <translation>&lt;b&gt;fork&lt;/b&gt; a copié le père&#xa0;: le fils (pid %1) a le même attachement à la même adresse, donc &lt;b&gt;nattch vaut 2&lt;/b&gt;. Le fils meurt avec son père (PR_SET_PDEATHSIG, vérifié juste après fork) et sera récupéré par wait&#xa0;: pas de zombie.</translation>
    </message>
    <message>
        <source>= 0 (marked)</source>
        <translation>= 0 (marqué)</translation>
    </message>
    <message>
        <source>&lt;b&gt;shmctl(IPC_RMID)&lt;/b&gt; now, not at the end as in the printed program: both processes are attached, and the kernel keeps a marked segment until the &lt;b&gt;last detach&lt;/b&gt;. Its key reads 0 and no new process can find it, but the parent and child go on sharing it. If the app is killed (even kill -9), the kernel detaches both and the segment goes: nothing is left behind.</source>
        <translation>&lt;b&gt;shmctl(IPC_RMID)&lt;/b&gt; maintenant, et non à la fin comme dans le programme du cours&#xa0;: les deux processus sont attachés, et le noyau garde un segment marqué jusqu&apos;au &lt;b&gt;dernier détachement&lt;/b&gt;. Sa clé vaut 0 et aucun nouveau processus ne peut le retrouver, mais le père et le fils continuent de le partager. Si l&apos;application est tuée (même par kill -9), le noyau détache les deux et le segment disparaît&#xa0;: rien ne reste derrière.</translation>
    </message>
    <message>
        <source>prints %1</source>
        <translation>affiche %1</translation>
    </message>
    <message>
        <source>%1 → pipe: read %2</source>
        <translation>%1 → tube&#xa0;: a lu %2</translation>
    </message>
    <message>
        <source>The &lt;b&gt;child&lt;/b&gt; read the int through its own attachment: &lt;b&gt;%1&lt;/b&gt;. It sent what it read to the window through a pipe (below).</source>
        <translation>Le &lt;b&gt;fils&lt;/b&gt; a lu l&apos;int à travers son propre attachement&#xa0;: &lt;b&gt;%1&lt;/b&gt;. Il a envoyé ce qu&apos;il a lu à la fenêtre par un tube (ci-dessous).</translation>
    </message>
    <message>
        <source>writes %1</source>
        <translation>écrit %1</translation>
    </message>
    <message>
        <source>%1 → pipe: wrote %2</source>
        <translation>%1 → tube&#xa0;: a écrit %2</translation>
    </message>
    <message>
        <source>The &lt;b&gt;child&lt;/b&gt; wrote &lt;b&gt;%1&lt;/b&gt; into the segment. The parent never wrote: yet the big number and the bytes above, read by the parent, changed. That is shared memory.</source>
        <translation>Le &lt;b&gt;fils&lt;/b&gt; a écrit &lt;b&gt;%1&lt;/b&gt; dans le segment. Le père n&apos;a rien écrit&#xa0;: pourtant le grand nombre et les octets ci-dessus, lus par le père, ont changé. C&apos;est cela, la mémoire partagée.</translation>
    </message>
    <message>
        <source>= 0, exit(0)</source>
        <translation>= 0, exit(0)</translation>
    </message>
    <message>
        <source>%1 → pipe: detached, exiting</source>
        <translation>%1 → tube&#xa0;: détaché, se termine</translation>
    </message>
    <message>
        <source>The &lt;b&gt;child&lt;/b&gt; detached (shmdt) and exited: &lt;b&gt;nattch is back to 1&lt;/b&gt;. Until the parent waits for it, the child stays a zombie: an entry that only holds its exit status.</source>
        <translation>Le &lt;b&gt;fils&lt;/b&gt; s&apos;est détaché (shmdt) et s&apos;est terminé&#xa0;: &lt;b&gt;nattch revient à 1&lt;/b&gt;. Tant que le père ne l&apos;a pas attendu, le fils reste un zombie&#xa0;: une entrée qui ne contient plus que son code de retour.</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>code de retour %1</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>tué par le signal %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;wait&lt;/b&gt; reaped the child (%1): no zombie is left. Waiting also orders the two processes: the parent reads only after the child wrote.</source>
        <translation>&lt;b&gt;wait&lt;/b&gt; a récupéré le fils (%1)&#xa0;: il ne reste aucun zombie. Attendre ordonne aussi les deux processus&#xa0;: le père ne lit qu&apos;après l&apos;écriture du fils.</translation>
    </message>
    <message>
        <source>The &lt;b&gt;parent&lt;/b&gt; reads &lt;b&gt;%1&lt;/b&gt;: the value the child wrote. The two processes shared one int.</source>
        <translation>Le &lt;b&gt;père&lt;/b&gt; lit &lt;b&gt;%1&lt;/b&gt;&#xa0;: la valeur écrite par le fils. Les deux processus ont partagé un même int.</translation>
    </message>
    <message>
        <source>the segment is still there (nattch %1)</source>
        <translation>le segment est toujours là (nattch %1)</translation>
    </message>
    <message>
        <source>= 0 (segment destroyed)</source>
        <translation>= 0 (segment détruit)</translation>
    </message>
    <message>
        <source>The &lt;b&gt;parent&lt;/b&gt; detached: nattch reached 0 and, as the segment was marked in step 4, the kernel destroyed it. &lt;code&gt;ipcs -m&lt;/code&gt; no longer lists it. The lesson is over: Reset to play it again, or try Live.</source>
        <translation>Le &lt;b&gt;père&lt;/b&gt; s&apos;est détaché&#xa0;: nattch est tombé à 0 et, comme le segment avait été marqué à l&apos;étape 4, le noyau l&apos;a détruit. &lt;code&gt;ipcs -m&lt;/code&gt; ne le liste plus. La leçon est finie&#xa0;: Réinitialiser pour la rejouer, ou essayez le mode continu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lesson&lt;/b&gt;: a parent makes a private segment that holds one int, attaches it and forks. The child prints the int (0), writes 1664 and detaches; the parent waits, prints the int (1664) and detaches.&lt;br&gt;Press &lt;b&gt;Step&lt;/b&gt; to play one system call at a time, &lt;b&gt;Run&lt;/b&gt; to play them all, or &lt;b&gt;Start live&lt;/b&gt; to let the child keep changing the int.</source>
        <translation>&lt;b&gt;La leçon&lt;/b&gt;&#xa0;: un père crée un segment privé qui contient un int, l&apos;attache et fait un fork. Le fils affiche l&apos;int (0), écrit 1664 et se détache&#xa0;; le père attend, affiche l&apos;int (1664) et se détache.&lt;br&gt;Appuyez sur &lt;b&gt;Avancer&lt;/b&gt; pour exécuter un appel système à la fois, sur &lt;b&gt;Lancer&lt;/b&gt; pour les exécuter tous, ou sur &lt;b&gt;Mode continu&lt;/b&gt; pour que le fils modifie l&apos;int sans arrêt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Live.&lt;/b&gt; The child (pid %1) changes the int %2 times a second; the window (the parent) reads it through its own attachment and shows it: the big number, the bytes (a changed byte lights up), the plot. Type a value and press &lt;b&gt;Write from the parent&lt;/b&gt;: the child reports what it sees through its pipe.&lt;br&gt;&lt;i&gt;The segment is already marked for removal (IPC_RMID): it lives as long as one of the two is attached, so closing or even killing the app leaves nothing.&lt;/i&gt;</source>
        <translation>&lt;b&gt;En continu.&lt;/b&gt; Le fils (pid %1) modifie l&apos;int %2 fois par seconde&#xa0;; la fenêtre (le père) le lit à travers son propre attachement et l&apos;affiche&#xa0;: le grand nombre, les octets (un octet modifié s&apos;allume), la courbe. Tapez une valeur et appuyez sur &lt;b&gt;Écrire depuis le père&lt;/b&gt;&#xa0;: le fils signale ce qu&apos;il voit par son tube.&lt;br&gt;&lt;i&gt;Le segment est déjà marqué pour destruction (IPC_RMID)&#xa0;: il vit tant que l&apos;un des deux y est attaché, si bien que fermer l&apos;application, ou même la tuer, ne laisse rien.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 was reaped: exit status %2</source>
        <translation>%1 a été récupéré&#xa0;: code de retour %2</translation>
    </message>
    <message>
        <source>%1 was reaped: killed by signal %2</source>
        <translation>%1 a été récupéré&#xa0;: tué par le signal %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopped.&lt;/b&gt; The child detached and exited, and the parent reaped it: &lt;b&gt;nattch is back to 1&lt;/b&gt;. The parent still holds the segment; Start live forks a new child onto it, Reset detaches (and the kernel destroys the segment).</source>
        <translation>&lt;b&gt;Arrêté.&lt;/b&gt; Le fils s&apos;est détaché et s&apos;est terminé, et le père l&apos;a récupéré&#xa0;: &lt;b&gt;nattch revient à 1&lt;/b&gt;. Le père garde le segment&#xa0;; Mode continu crée un nouveau fils qui le partage, Réinitialiser le détache (et le noyau détruit le segment).</translation>
    </message>
    <message>
        <source>%1: *shared_int = %2</source>
        <translation>%1&#xa0;: *shared_int = %2</translation>
    </message>
    <message>
        <source>%1 → pipe: started, attached, sees %2</source>
        <translation>%1 → tube&#xa0;: démarré, attaché, voit %2</translation>
    </message>
    <message>
        <source>%1 → pipe: shmdt failed: %2</source>
        <translation>%1 → tube&#xa0;: échec de shmdt&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 → pipe: read %2, wrote %3</source>
        <translation>%1 → tube&#xa0;: a lu %2, a écrit %3</translation>
    </message>
    <message>
        <source>%1 → pipe: sees %2</source>
        <translation>%1 → tube&#xa0;: voit %2</translation>
    </message>
    <message>
        <source>No segment yet.</source>
        <translation>Pas encore de segment.</translation>
    </message>
    <message>
        <source>shmid %1: destroyed (nattch reached 0 after IPC_RMID).</source>
        <translation>shmid %1&#xa0;: détruit (nattch est tombé à 0 après IPC_RMID).</translation>
    </message>
    <message>
        <source>nattch &lt;b&gt;0&lt;/b&gt;</source>
        <translation>nattch &lt;b&gt;0&lt;/b&gt;</translation>
    </message>
    <message>
        <source>the parent (%1) and the child (%2)</source>
        <translation>le père (%1) et le fils (%2)</translation>
    </message>
    <message>
        <source>the parent (%1)</source>
        <translation>le père (%1)</translation>
    </message>
    <message>
        <source>nobody in this demo</source>
        <translation>personne dans cette démonstration</translation>
    </message>
    <message>
        <source>shmid %1 · key %2 · %3 bytes · mode %4 · at %5 in the parent</source>
        <translation>shmid %1 · clé %2 · %3 octets · droits %4 · en %5 chez le père</translation>
    </message>
    <message>
        <source>(detached)</source>
        <translation>(détaché)</translation>
    </message>
    <message>
        <source>nattch &lt;b&gt;%1&lt;/b&gt;: attached by %2</source>
        <translation>nattch &lt;b&gt;%1&lt;/b&gt;&#xa0;: attaché par %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Marked for removal&lt;/b&gt; (IPC_RMID): the kernel destroys it at the last detach, so even kill -9 of this app leaves nothing.</source>
        <translation>&lt;b&gt;Marqué pour destruction&lt;/b&gt; (IPC_RMID)&#xa0;: le noyau le détruit au dernier détachement, si bien que même un kill -9 de cette application ne laisse rien.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not marked for removal yet&lt;/b&gt;: if this app died now, the segment would stay.</source>
        <translation>&lt;b&gt;Pas encore marqué pour destruction&lt;/b&gt;&#xa0;: si cette application mourait maintenant, le segment resterait.</translation>
    </message>
    <message>
        <source>Pau&amp;se</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Stop &amp;live</source>
        <translation>Arrêter le &amp;mode continu</translation>
    </message>
    <message>
        <source>Live: child %1 is running.</source>
        <translation>En continu&#xa0;: le fils %1 tourne.</translation>
    </message>
    <message>
        <source>The lesson is complete.</source>
        <translation>La leçon est terminée.</translation>
    </message>
    <message>
        <source>Step %1 of %2 next.</source>
        <translation>Prochaine étape&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Live mode stopped. Start live again, or Reset to play the lesson.</source>
        <translation>Mode continu arrêté. Relancez le mode continu, ou Réinitialiser pour rejouer la leçon.</translation>
    </message>
</context>
<context>
    <name>DifferenceModel</name>
    <message>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
</context>
<context>
    <name>DifferencesPanel</name>
    <message>
        <source>Compare &amp;again</source>
        <translation>Comparer à &amp;nouveau</translation>
    </message>
    <message>
        <source>Compare the live segment with the same snapshot again</source>
        <translation>Comparer de nouveau le segment en mémoire avec le même instantané</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>Eff&amp;acer</translation>
    </message>
    <message>
        <source>Forget the differences and their highlight</source>
        <translation>Oublier les différences et leur mise en évidence</translation>
    </message>
</context>
<context>
    <name>FileObjectBrowser</name>
    <message>
        <source>Filter: name, owner, holder or any text</source>
        <translation>Filtre&#xa0;: nom, propriétaire, détenteur ou tout texte</translation>
    </message>
    <message>
        <source>Filter: name, inode, holder or any text</source>
        <translation>Filtre&#xa0;: nom, inode, détenteur ou tout texte</translation>
    </message>
    <message>
        <source>Select an object to see its fields and holders.</source>
        <translation>Sélectionnez un objet pour voir ses champs et ses détenteurs.</translation>
    </message>
    <message>
        <source>Select a memfd to see its fields and holders.</source>
        <translation>Sélectionnez un memfd pour voir ses champs et ses détenteurs.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Résident</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Changé le</translation>
    </message>
    <message>
        <source>Inode</source>
        <translation>Inode</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>Orphelin</translation>
    </message>
    <message>
        <source>Seals</source>
        <translation>Scellés</translation>
    </message>
    <message>
        <source>Opened through</source>
        <translation>Ouvert par</translation>
    </message>
    <message>
        <source>The processes that hold the object: each mapping (with its address range) and each open descriptor, with its access.</source>
        <translation>Les processus qui tiennent l’objet&#xa0;: chaque projection (avec sa plage d’adresses) et chaque descripteur ouvert, avec son accès.</translation>
    </message>
    <message>
        <source>&amp;Open Read-Only</source>
        <translation>&amp;Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>Map the object and show its bytes live, read-only</source>
        <translation>Projeter l’objet et montrer ses octets en direct, en lecture seule</translation>
    </message>
    <message>
        <source>Open &amp;Writable</source>
        <translation>Ouvrir en &amp;écriture</translation>
    </message>
    <message>
        <source>Map the object read-write, to edit its bytes</source>
        <translation>Projeter l’objet en lecture-écriture, pour modifier ses octets</translation>
    </message>
    <message>
        <source>P&amp;OSIX</source>
        <translation>P&amp;OSIX</translation>
    </message>
    <message>
        <source>&amp;memfd</source>
        <translation>mem&amp;fd</translation>
    </message>
    <message>
        <source>&amp;New Object…</source>
        <translation>&amp;Nouvel objet…</translation>
    </message>
    <message>
        <source>Create a POSIX shared-memory object (shm_open, ftruncate)</source>
        <translation>Créer un objet de mémoire partagée POSIX (shm_open, ftruncate)</translation>
    </message>
    <message>
        <source>Re&amp;size…</source>
        <translation>&amp;Redimensionner…</translation>
    </message>
    <message>
        <source>Change the object&apos;s length (ftruncate)</source>
        <translation>Changer la longueur de l’objet (ftruncate)</translation>
    </message>
    <message>
        <source>Select Or&amp;phans</source>
        <translation>Sélectionner les orp&amp;helins</translation>
    </message>
    <message>
        <source>Select every object nobody maps or holds open</source>
        <translation>Sélectionner chaque objet que personne ne projette ni ne tient ouvert</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Remove the selected objects&apos; names (shm_unlink); their memory goes when the last holder lets go</source>
        <translation>Supprimer le nom des objets sélectionnés (shm_unlink)&#xa0;; leur mémoire part quand le dernier détenteur les lâche</translation>
    </message>
    <message>
        <source>Cannot list POSIX objects: %1</source>
        <translation>Impossible de lister les objets POSIX&#xa0;: %1</translation>
    </message>
    <message>
        <source>POSIX objects: %1</source>
        <translation>Objets POSIX&#xa0;: %1</translation>
    </message>
    <message>
        <source>memfds: %1</source>
        <translation>memfd&#xa0;: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Affichés&#xa0;: %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n orphans</source>
        <translation>
            <numerusform>%n orphelin</numerusform>
            <numerusform>%n orphelins</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 bytes (%2)</source>
        <translation>%L1 octets (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (uid %2)</source>
        <translation>%1 (uid %2)</translation>
    </message>
    <message>
        <source>%1 (gid %2)</source>
        <translation>%1 (gid %2)</translation>
    </message>
    <message>
        <source>not known yet (scanning)</source>
        <translation>pas encore connu (examen en cours)</translation>
    </message>
    <message>
        <source>yes: nobody holds it; unused for %1</source>
        <translation>oui&#xa0;: personne ne le tient&#xa0;; inutilisé depuis %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1 (device %2:%3)</source>
        <translation>%1 (périphérique %2:%3)</translation>
    </message>
    <message>
        <source>unknown: reading it needs the right to inspect a holder (ptrace read)</source>
        <translation>inconnue&#xa0;: la lire demande le droit d’inspecter un détenteur (lecture ptrace)</translation>
    </message>
    <message>
        <source>no path we may open (needs the right to inspect a holder)</source>
        <translation>aucun chemin que nous puissions ouvrir (il faut le droit d’inspecter un détenteur)</translation>
    </message>
    <message>
        <source>Holders: scanning /proc…</source>
        <translation>Détenteurs&#xa0;: examen de /proc…</translation>
    </message>
    <message>
        <source>Holders: nobody maps it or holds it open.</source>
        <translation>Détenteurs&#xa0;: personne ne le projette ni ne le tient ouvert.</translation>
    </message>
    <message numerus="yes">
        <source>Holders: %n processes</source>
        <translation>
            <numerusform>Détenteurs&#xa0;: %n processus</numerusform>
            <numerusform>Détenteurs&#xa0;: %n processus</numerusform>
        </translation>
    </message>
    <message>
        <source>No orphans: every object shown is held by a process.</source>
        <translation>Aucun orphelin&#xa0;: chaque objet affiché est tenu par un processus.</translation>
    </message>
    <message>
        <source>The holders are still being scanned: try again in a moment.</source>
        <translation>Les détenteurs sont encore en cours d’examen&#xa0;: réessayez dans un instant.</translation>
    </message>
    <message numerus="yes">
        <source>Selected %n orphans.</source>
        <translation>
            <numerusform>%n orphelin sélectionné.</numerusform>
            <numerusform>%n orphelins sélectionnés.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>, orphan unused for %1</source>
        <translation>, orphelin inutilisé depuis %1</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>Supprimer %1&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n POSIX objects?</source>
        <translation>
            <numerusform>Supprimer %n objet POSIX&#xa0;?</numerusform>
            <numerusform>Supprimer %n objets POSIX&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nobody holds them: their memory is freed at once.</source>
        <translation>
            <numerusform>Personne ne le tient&#xa0;: sa mémoire est libérée aussitôt.</numerusform>
            <numerusform>Personne ne les tient&#xa0;: leur mémoire est libérée aussitôt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their names go at once; %n of them are still held, and keep their memory until the last holder lets go.</source>
        <translation>
            <numerusform>Leurs noms partent aussitôt&#xa0;; %n d’entre eux est encore tenu et garde sa mémoire jusqu’à ce que le dernier détenteur le lâche.</numerusform>
            <numerusform>Leurs noms partent aussitôt&#xa0;; %n d’entre eux sont encore tenus et gardent leur mémoire jusqu’à ce que le dernier détenteur les lâche.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove POSIX objects</source>
        <translation>Supprimer des objets POSIX</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>%1 failed for %2 of %n POSIX objects:</source>
        <translation>
            <numerusform>%1 a échoué pour %2 sur %n objet POSIX&#xa0;:</numerusform>
            <numerusform>%1 a échoué pour %2 sur %n objets POSIX&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 no longer exists: someone else removed it.</source>
        <translation>%1 n’existe plus&#xa0;: quelqu’un d’autre l’a supprimé.</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Redimensionner</translation>
    </message>
    <message>
        <source>The object is no longer listed.</source>
        <translation>L’objet n’est plus listé.</translation>
    </message>
    <message>
        <source>Resized %1 to %L2 bytes.</source>
        <translation>%1 redimensionné à %L2 octets.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 créé.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Every %1 object (shm_open) of /dev/shm, refreshed live: its name, size, the memory its pages take, permissions, owner, times, and the processes that map it or hold it open. Objects nobody holds are %2: they stay until someone removes them.</source>
        <translation>Chaque objet de %1 (shm_open) de /dev/shm, rafraîchi en direct&#xa0;: son nom, sa taille, la mémoire que prennent ses pages, ses droits, son propriétaire, ses dates, et les processus qui le projettent ou le tiennent ouvert. Les objets que personne ne tient sont %2&#xa0;: ils restent jusqu’à ce que quelqu’un les supprime.</translation>
    </message>
    <message>
        <source>POSIX shared-memory</source>
        <translation>mémoire partagée POSIX</translation>
    </message>
    <message>
        <source>orphans</source>
        <translation>orphelins</translation>
    </message>
    <message>
        <source>Every %1 (memfd_create) held by a process of this IPC namespace: its name, inode, size, seals, and the processes that map it or hold a descriptor to it. A memfd has no name in any directory: it lives while someone holds it.</source>
        <translation>Chaque %1 (memfd_create) tenu par un processus de cet espace de noms IPC&#xa0;: son nom, son inode, sa taille, ses scellés, et les processus qui le projettent ou en tiennent un descripteur. Un memfd n’a de nom dans aucun répertoire&#xa0;: il vit tant que quelqu’un le tient.</translation>
    </message>
    <message>
        <source>%1:</source>
        <extracomment>A field&apos;s name before its value (&quot;Size:&quot;); French puts a space before the colon.</extracomment>
        <translation>%1&#xa0;:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Hex bytes</source>
        <translation>Octets hexa</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Integer</source>
        <translation>Entier</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Flottant</translation>
    </message>
    <message>
        <source>Little endian</source>
        <translation>Petit-boutiste</translation>
    </message>
    <message>
        <source>Big endian</source>
        <translation>Gros-boutiste</translation>
    </message>
    <message>
        <source>de ad be ef</source>
        <translation>de ad be ef</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Find previous (Shift+F3, Shift+Enter)</source>
        <translation>Rechercher le précédent (Maj+F3, Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Find next (F3, Enter)</source>
        <translation>Rechercher le suivant (F3, Entrée)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1-bit</source>
        <translation>%1 bits</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 bits</translation>
    </message>
    <message>
        <source>64-bit</source>
        <translation>64 bits</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>Type the text to find.</source>
        <translation>Tapez le texte à rechercher.</translation>
    </message>
    <message>
        <source>An integer is 1, 2, 4 or 8 bytes wide.</source>
        <translation>Un entier occupe 1, 2, 4 ou 8 octets.</translation>
    </message>
    <message>
        <source>A float is 4 or 8 bytes wide.</source>
        <translation>Un flottant occupe 4 ou 8 octets.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Introuvable.</translation>
    </message>
    <message>
        <source>Found at 0x%1 (wrapped around).</source>
        <translation>Trouvé en 0x%1 (reprise au début).</translation>
    </message>
    <message>
        <source>Found at 0x%1.</source>
        <translation>Trouvé en 0x%1.</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Find cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes could not be read (a fault): not searched.</source>
        <translation>
            <numerusform>%L1 octet n&apos;a pas pu être lu (défaut de page)&#xa0;: il n&apos;a pas été parcouru.</numerusform>
            <numerusform>%L1 octets n&apos;ont pas pu être lus (défaut de page)&#xa0;: ils n&apos;ont pas été parcourus.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>About shmscope</source>
        <translation>À propos de shmscope</translation>
    </message>
    <message>
        <source>An inspector for System V shared memory on Linux.</source>
        <translation>Un inspecteur de la mémoire partagée System V sous Linux.</translation>
    </message>
    <message>
        <source>Copyright © 2026 the shmscope authors. Free software under the MIT licence.</source>
        <translation>Copyright © 2026 les auteurs de shmscope. Logiciel libre sous licence MIT.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Compilé avec Qt %1, exécuté avec Qt %2.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>&amp;Qu&apos;est-ce que c&apos;est&#xa0;?</translation>
    </message>
    <message>
        <source>System V &amp;Shared Memory</source>
        <translation>&amp;Mémoire partagée System V</translation>
    </message>
    <message>
        <source>What a key, a shmid, nattch and dest mean, and how segments work</source>
        <translation>Ce que signifient clé, shmid, nattch et dest, et comment fonctionnent les segments</translation>
    </message>
    <message>
        <source>&amp;About shmscope</source>
        <translation>À &amp;propos de shmscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de Q&amp;t</translation>
    </message>
    <message>
        <source>Explain this (opens the help)</source>
        <translation>Explication (ouvre l&apos;aide)</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>System V shared memory</source>
        <translation>La mémoire partagée System V</translation>
    </message>
    <message>
        <source>A &lt;b&gt;shared-memory segment&lt;/b&gt; is a block of memory kept by the kernel that several processes can &lt;i&gt;attach&lt;/i&gt; to their address space. What one process writes there, the others see at once: no copy, no system call for each access. It is the fastest way for processes to exchange data; they still have to agree on who writes when (with a semaphore, a pipe, a flag in the segment).</source>
        <translation>Un &lt;b&gt;segment de mémoire partagée&lt;/b&gt; est une zone de mémoire gérée par le noyau que plusieurs processus peuvent &lt;i&gt;attacher&lt;/i&gt; à leur espace d&apos;adressage. Ce qu&apos;un processus y écrit, les autres le voient aussitôt&#xa0;: aucune copie, aucun appel système à chaque accès. C&apos;est le moyen le plus rapide d&apos;échanger des données entre processus&#xa0;; encore faut-il qu&apos;ils s&apos;accordent sur qui écrit et quand (avec un sémaphore, un tube, un drapeau dans le segment).</translation>
    </message>
    <message>
        <source>&lt;code&gt;shmget()&lt;/code&gt; creates or finds a segment and returns its identifier; &lt;code&gt;shmat()&lt;/code&gt; attaches it and returns its address; &lt;code&gt;shmdt()&lt;/code&gt; detaches it; &lt;code&gt;shmctl()&lt;/code&gt; reads its state, changes its owner or mode, locks it or marks it for destruction. A segment outlives the processes that made it: it stays until it is removed or the machine restarts.</source>
        <translation>&lt;code&gt;shmget()&lt;/code&gt; crée ou retrouve un segment et renvoie son identifiant&#xa0;; &lt;code&gt;shmat()&lt;/code&gt; l&apos;attache et renvoie son adresse&#xa0;; &lt;code&gt;shmdt()&lt;/code&gt; le détache&#xa0;; &lt;code&gt;shmctl()&lt;/code&gt; lit son état, change son propriétaire ou ses droits, le verrouille en mémoire ou le marque pour destruction. Un segment survit aux processus qui l&apos;ont créé&#xa0;: il reste jusqu&apos;à sa suppression ou au redémarrage de la machine.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <source>permissions</source>
        <translation>droits</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>size</source>
        <translation>taille</translation>
    </message>
    <message>
        <source>times</source>
        <translation>dates</translation>
    </message>
    <message>
        <source>attached processes</source>
        <translation>processus attachés</translation>
    </message>
    <message>
        <source>limits</source>
        <translation>limites</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>commandes</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Sujets&#xa0;:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé (key)</translation>
    </message>
    <message>
        <source>The number programs agree on to find the same segment, as they would agree on a file name: &lt;code&gt;shmget(key, size, flags)&lt;/code&gt; returns the segment that has this key, or creates it with &lt;code&gt;IPC_CREAT&lt;/code&gt;. Programs often derive the key from a file with &lt;code&gt;ftok()&lt;/code&gt;. shmscope shows it in hexadecimal, as &lt;code&gt;ipcs&lt;/code&gt; does.</source>
        <translation>Le nombre dont les programmes conviennent pour retrouver le même segment, leur point de rendez-vous, comme ils conviendraient d&apos;un nom de fichier&#xa0;: &lt;code&gt;shmget(key, size, flags)&lt;/code&gt; renvoie le segment qui a cette clé, ou le crée avec &lt;code&gt;IPC_CREAT&lt;/code&gt;. Les programmes tirent souvent la clé d&apos;un fichier avec &lt;code&gt;ftok()&lt;/code&gt;. shmscope l&apos;affiche en hexadécimal, comme &lt;code&gt;ipcs&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>The key &lt;code&gt;IPC_PRIVATE&lt;/code&gt; (0) always creates a new segment that no other &lt;code&gt;shmget()&lt;/code&gt; can find: only processes given its shmid, such as children after &lt;code&gt;fork()&lt;/code&gt;, can use it. A segment marked for destruction also shows the key 0.</source>
        <translation>La clé &lt;code&gt;IPC_PRIVATE&lt;/code&gt; (0) crée toujours un nouveau segment qu&apos;aucun autre &lt;code&gt;shmget()&lt;/code&gt; ne peut retrouver&#xa0;: seuls les processus à qui l&apos;on donne son shmid, comme les fils après &lt;code&gt;fork()&lt;/code&gt;, peuvent s&apos;en servir. Un segment marqué pour destruction affiche lui aussi la clé 0.</translation>
    </message>
    <message>
        <source>Identifier (shmid)</source>
        <translation>Identifiant (shmid)</translation>
    </message>
    <message>
        <source>The identifier the kernel gives the segment: &lt;code&gt;shmat()&lt;/code&gt;, &lt;code&gt;shmctl()&lt;/code&gt; and &lt;code&gt;ipcrm -m&lt;/code&gt; take it. Any process that knows the shmid can attach the segment if the permissions allow it, without knowing the key. Linux builds it as &lt;i&gt;sequence&lt;/i&gt; × 32768 + &lt;i&gt;slot&lt;/i&gt;, so a segment created in a freed slot gets a new shmid and an old identifier cannot reach it by mistake.</source>
        <translation>L&apos;identifiant que le noyau donne au segment&#xa0;: c&apos;est lui que prennent &lt;code&gt;shmat()&lt;/code&gt;, &lt;code&gt;shmctl()&lt;/code&gt; et &lt;code&gt;ipcrm -m&lt;/code&gt;. Tout processus qui connaît le shmid peut attacher le segment si les droits le permettent, sans connaître la clé. Linux le calcule comme &lt;i&gt;séquence&lt;/i&gt; × 32768 + &lt;i&gt;emplacement&lt;/i&gt;&#xa0;: un segment créé dans un emplacement libéré reçoit un nouveau shmid, et un ancien identifiant ne peut pas l&apos;atteindre par erreur.</translation>
    </message>
    <message>
        <source>Permissions (perms)</source>
        <translation>Droits d&apos;accès (perms)</translation>
    </message>
    <message>
        <source>Nine bits, as for a file: read and write for the owner, the group and the others (execute means nothing here). Attaching read-only needs the read permission; attaching read-write needs read and write. Root, and any process with &lt;code&gt;CAP_IPC_OWNER&lt;/code&gt;, bypasses these checks.</source>
        <translation>Neuf bits, comme pour un fichier&#xa0;: lecture et écriture pour le propriétaire, le groupe et les autres (l&apos;exécution n&apos;a pas de sens ici). Attacher en lecture seule demande le droit de lecture&#xa0;; attacher en lecture-écriture demande la lecture et l&apos;écriture. Root, et tout processus qui a &lt;code&gt;CAP_IPC_OWNER&lt;/code&gt;, passe outre ces contrôles.</translation>
    </message>
    <message>
        <source>Owner and creator</source>
        <translation>Propriétaire et créateur</translation>
    </message>
    <message>
        <source>Each segment has an owner (uid, gid) and a creator (cuid, cgid). Only the owner, the creator or a privileged process may change the mode or the owner (&lt;code&gt;IPC_SET&lt;/code&gt;) or remove the segment (&lt;code&gt;IPC_RMID&lt;/code&gt;).</source>
        <translation>Chaque segment a un propriétaire (uid, gid) et un créateur (cuid, cgid). Seuls le propriétaire, le créateur ou un processus privilégié peuvent changer les droits ou le propriétaire (&lt;code&gt;IPC_SET&lt;/code&gt;) ou supprimer le segment (&lt;code&gt;IPC_RMID&lt;/code&gt;).</translation>
    </message>
    <message>
        <source>Size, RSS and swap</source>
        <translation>Taille, RSS et swap</translation>
    </message>
    <message>
        <source>The size in bytes requested from &lt;code&gt;shmget()&lt;/code&gt;. The kernel provides memory in whole pages, and only when a page is first touched: &lt;b&gt;RSS&lt;/b&gt; is the memory the segment occupies now, &lt;b&gt;swap&lt;/b&gt; what has been moved to swap space.</source>
        <translation>La taille en octets demandée à &lt;code&gt;shmget()&lt;/code&gt;. Le noyau fournit la mémoire par pages entières, et seulement au premier accès à chaque page&#xa0;: &lt;b&gt;RSS&lt;/b&gt; est la mémoire qu&apos;occupe le segment en ce moment, &lt;b&gt;swap&lt;/b&gt; ce qui a été déplacé vers l&apos;espace d&apos;échange.</translation>
    </message>
    <message>
        <source>Attachments (nattch)</source>
        <translation>Attachements (nattch)</translation>
    </message>
    <message>
        <source>The number of current attachments. Each &lt;code&gt;shmat()&lt;/code&gt; adds one, each &lt;code&gt;shmdt()&lt;/code&gt; removes one; a process that attaches twice counts twice. &lt;code&gt;fork()&lt;/code&gt; gives the child the parent&apos;s attachments; &lt;code&gt;exit()&lt;/code&gt; and &lt;code&gt;exec()&lt;/code&gt; detach everything. A segment with nattch 0 still exists and keeps its contents.</source>
        <translation>Le nombre d&apos;attachements en cours. Chaque &lt;code&gt;shmat()&lt;/code&gt; en ajoute un, chaque &lt;code&gt;shmdt()&lt;/code&gt; en retire un&#xa0;; un processus qui attache deux fois compte deux fois. &lt;code&gt;fork()&lt;/code&gt; donne au fils les attachements du père&#xa0;; &lt;code&gt;exit()&lt;/code&gt; et &lt;code&gt;exec()&lt;/code&gt; détachent tout. Un segment dont nattch vaut 0 existe toujours et garde son contenu.</translation>
    </message>
    <message>
        <source>Creator and last process (cpid, lpid)</source>
        <translation>Créateur et dernier processus (cpid, lpid)</translation>
    </message>
    <message>
        <source>&lt;b&gt;cpid&lt;/b&gt; is the process that created the segment, &lt;b&gt;lpid&lt;/b&gt; the last one that attached or detached it. Either may have exited long ago.</source>
        <translation>&lt;b&gt;cpid&lt;/b&gt; est le processus qui a créé le segment, &lt;b&gt;lpid&lt;/b&gt; le dernier à l&apos;avoir attaché ou détaché. L&apos;un comme l&apos;autre peut s&apos;être terminé depuis longtemps.</translation>
    </message>
    <message>
        <source>Times (atime, dtime, ctime)</source>
        <translation>Dates (atime, dtime, ctime)</translation>
    </message>
    <message>
        <source>&lt;b&gt;atime&lt;/b&gt;: last attachment; &lt;b&gt;dtime&lt;/b&gt;: last detachment; &lt;b&gt;ctime&lt;/b&gt;: creation or last change through &lt;code&gt;shmctl()&lt;/code&gt;. “Never” means that the event has not happened yet.</source>
        <translation>&lt;b&gt;atime&lt;/b&gt;&#xa0;: dernier attachement&#xa0;; &lt;b&gt;dtime&lt;/b&gt;&#xa0;: dernier détachement&#xa0;; &lt;b&gt;ctime&lt;/b&gt;&#xa0;: création ou dernière modification par &lt;code&gt;shmctl()&lt;/code&gt;. «&#xa0;Jamais&#xa0;» signifie que l&apos;événement n&apos;a pas encore eu lieu.</translation>
    </message>
    <message>
        <source>Marked for destruction (dest)</source>
        <translation>Marqué pour destruction (dest)</translation>
    </message>
    <message>
        <source>&lt;code&gt;shmctl(shmid, IPC_RMID, NULL)&lt;/code&gt;, or &lt;code&gt;ipcrm -m shmid&lt;/code&gt;, does not free the memory at once: it &lt;i&gt;marks the segment for destruction&lt;/i&gt;. Its key becomes 0, so no &lt;code&gt;shmget()&lt;/code&gt; finds it any more; the processes still attached keep using it, and the kernel frees it when the last one detaches. A segment that nobody has attached is freed at once.</source>
        <translation>&lt;code&gt;shmctl(shmid, IPC_RMID, NULL)&lt;/code&gt;, ou &lt;code&gt;ipcrm -m shmid&lt;/code&gt;, ne libère pas la mémoire tout de suite&#xa0;: il &lt;i&gt;marque le segment pour destruction&lt;/i&gt;. Sa clé passe à 0, si bien qu&apos;aucun &lt;code&gt;shmget()&lt;/code&gt; ne le retrouve plus&#xa0;; les processus encore attachés continuent de s&apos;en servir, et le noyau le libère quand le dernier se détache. Un segment auquel personne n&apos;est attaché est libéré aussitôt.</translation>
    </message>
    <message>
        <source>A good habit: mark a segment for destruction as soon as every process has attached it. Then nothing is left behind, even if the programs crash or are killed.</source>
        <translation>Une bonne habitude&#xa0;: marquer un segment pour destruction dès que tous les processus l&apos;ont attaché. Ainsi rien ne reste derrière, même si les programmes plantent ou sont tués.</translation>
    </message>
    <message>
        <source>Locked in memory (locked)</source>
        <translation>Verrouillé en mémoire (locked)</translation>
    </message>
    <message>
        <source>&lt;code&gt;shmctl(shmid, SHM_LOCK, NULL)&lt;/code&gt; keeps the segment&apos;s pages in RAM: they are never swapped out. It needs &lt;code&gt;CAP_IPC_LOCK&lt;/code&gt; or enough room under the &lt;code&gt;RLIMIT_MEMLOCK&lt;/code&gt; limit. &lt;code&gt;SHM_UNLOCK&lt;/code&gt; undoes it.</source>
        <translation>&lt;code&gt;shmctl(shmid, SHM_LOCK, NULL)&lt;/code&gt; garde les pages du segment en mémoire vive&#xa0;: elles ne partent jamais dans l&apos;espace d&apos;échange. Il faut &lt;code&gt;CAP_IPC_LOCK&lt;/code&gt; ou assez de place sous la limite &lt;code&gt;RLIMIT_MEMLOCK&lt;/code&gt;. &lt;code&gt;SHM_UNLOCK&lt;/code&gt; l&apos;annule.</translation>
    </message>
    <message>
        <source>Which processes have it attached</source>
        <translation>Quels processus l&apos;ont attaché</translation>
    </message>
    <message>
        <source>The kernel counts attachments but does not say who holds them. shmscope finds them in each process&apos;s &lt;code&gt;/proc/PID/maps&lt;/code&gt;, where an attachment appears as &lt;code&gt;/SYSV&lt;/code&gt; followed by the key, with &lt;code&gt;r--s&lt;/code&gt; when it is read-only and &lt;code&gt;rw-s&lt;/code&gt; when it is read-write. Without privileges, the processes of other users may stay hidden.</source>
        <translation>Le noyau compte les attachements mais ne dit pas qui les détient. shmscope les trouve dans le &lt;code&gt;/proc/PID/maps&lt;/code&gt; de chaque processus, où un attachement apparaît sous la forme &lt;code&gt;/SYSV&lt;/code&gt; suivi de la clé, avec &lt;code&gt;r--s&lt;/code&gt; en lecture seule et &lt;code&gt;rw-s&lt;/code&gt; en lecture-écriture. Sans privilèges, les processus des autres utilisateurs peuvent rester cachés.</translation>
    </message>
    <message>
        <source>System limits</source>
        <translation>Limites du système</translation>
    </message>
    <message>
        <source>The kernel limits the size of one segment (&lt;code&gt;shmmax&lt;/code&gt;), the total of shared memory in pages (&lt;code&gt;shmall&lt;/code&gt;) and the number of segments (&lt;code&gt;shmmni&lt;/code&gt;): see &lt;code&gt;/proc/sys/kernel/&lt;/code&gt;. Beyond them &lt;code&gt;shmget()&lt;/code&gt; fails with &lt;code&gt;EINVAL&lt;/code&gt; or &lt;code&gt;ENOSPC&lt;/code&gt;.</source>
        <translation>Le noyau limite la taille d&apos;un segment (&lt;code&gt;shmmax&lt;/code&gt;), le total de mémoire partagée en pages (&lt;code&gt;shmall&lt;/code&gt;) et le nombre de segments (&lt;code&gt;shmmni&lt;/code&gt;)&#xa0;: voir &lt;code&gt;/proc/sys/kernel/&lt;/code&gt;. Au-delà, &lt;code&gt;shmget()&lt;/code&gt; échoue avec &lt;code&gt;EINVAL&lt;/code&gt; ou &lt;code&gt;ENOSPC&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Command-line tools</source>
        <translation>Outils en ligne de commande</translation>
    </message>
    <message>
        <source>&lt;code&gt;ipcs -m&lt;/code&gt; lists the segments, &lt;code&gt;ipcmk -M size&lt;/code&gt; creates one, &lt;code&gt;ipcrm -m shmid&lt;/code&gt; marks one for destruction and &lt;code&gt;lsipc -m&lt;/code&gt; lists them with more columns. &lt;code&gt;shmscope --list&lt;/code&gt; prints the table without a display; &lt;code&gt;man shmscope&lt;/code&gt; describes every option.</source>
        <translation>&lt;code&gt;ipcs -m&lt;/code&gt; liste les segments, &lt;code&gt;ipcmk -M taille&lt;/code&gt; en crée un, &lt;code&gt;ipcrm -m shmid&lt;/code&gt; en marque un pour destruction et &lt;code&gt;lsipc -m&lt;/code&gt; les liste avec plus de colonnes. &lt;code&gt;shmscope --list&lt;/code&gt; affiche le tableau sans écran graphique&#xa0;; &lt;code&gt;man shmscope&lt;/code&gt; décrit toutes les options.</translation>
    </message>
    <message>
        <source>Shared memory and fork()</source>
        <translation>Mémoire partagée et fork()</translation>
    </message>
    <message>
        <source>After &lt;code&gt;fork()&lt;/code&gt;, the parent and the child have separate copies of their ordinary variables: what one changes, the other never sees. A segment attached before &lt;code&gt;fork()&lt;/code&gt; is the exception: both processes reach the same memory, so the value the child writes is the value the parent reads. The fork demo shows it step by step.</source>
        <translation>Après &lt;code&gt;fork()&lt;/code&gt;, le père et le fils ont chacun leur copie des variables ordinaires&#xa0;: ce que l&apos;un modifie, l&apos;autre ne le voit jamais. Un segment attaché avant &lt;code&gt;fork()&lt;/code&gt; fait exception&#xa0;: les deux processus accèdent à la même mémoire, et la valeur que le fils écrit est celle que le père lit. La démonstration de fork le montre pas à pas.</translation>
    </message>
    <message>
        <source>POSIX shared memory</source>
        <translation>Mémoire partagée POSIX</translation>
    </message>
    <message>
        <source>orphans</source>
        <translation>orphelins</translation>
    </message>
    <message>
        <source>&lt;code&gt;shm_open(&quot;/NAME&quot;, flags, mode)&lt;/code&gt; opens or creates an object that is a file of the tmpfs mounted on &lt;code&gt;/dev/shm&lt;/code&gt;; &lt;code&gt;ftruncate()&lt;/code&gt; sets its size, &lt;code&gt;mmap(MAP_SHARED)&lt;/code&gt; maps it and &lt;code&gt;shm_unlink()&lt;/code&gt; removes its name. Its permissions, owner and times are the file&apos;s. Like a segment it outlives its processes; unlike one, the kernel keeps no count of who uses it: shmscope finds its &lt;b&gt;holders&lt;/b&gt; in each process&apos;s &lt;code&gt;/proc/PID/maps&lt;/code&gt; (mappings) and &lt;code&gt;/proc/PID/fd&lt;/code&gt; (open descriptors). A container sees the &lt;code&gt;/dev/shm&lt;/code&gt; of its own mount namespace.</source>
        <translation>&lt;code&gt;shm_open(&quot;/NOM&quot;, flags, mode)&lt;/code&gt; ouvre ou crée un objet qui est un fichier du tmpfs monté sur &lt;code&gt;/dev/shm&lt;/code&gt;&#xa0;; &lt;code&gt;ftruncate()&lt;/code&gt; fixe sa taille, &lt;code&gt;mmap(MAP_SHARED)&lt;/code&gt; le projette et &lt;code&gt;shm_unlink()&lt;/code&gt; supprime son nom. Ses droits, son propriétaire et ses dates sont ceux du fichier. Comme un segment, il survit à ses processus&#xa0;; contrairement à lui, le noyau ne compte pas qui l’utilise&#xa0;: shmscope trouve ses &lt;b&gt;détenteurs&lt;/b&gt; dans le &lt;code&gt;/proc/PID/maps&lt;/code&gt; (projections) et le &lt;code&gt;/proc/PID/fd&lt;/code&gt; (descripteurs ouverts) de chaque processus. Un conteneur voit le &lt;code&gt;/dev/shm&lt;/code&gt; de son propre espace de noms de montage.</translation>
    </message>
    <message>
        <source>Shrinking an object that a process has mapped is allowed: that process then gets &lt;code&gt;SIGBUS&lt;/code&gt; when it touches a page past the new end.</source>
        <translation>Réduire un objet qu’un processus a projeté est permis&#xa0;: ce processus reçoit alors &lt;code&gt;SIGBUS&lt;/code&gt; quand il touche une page au-delà de la nouvelle fin.</translation>
    </message>
    <message>
        <source>memfd</source>
        <translation>memfd</translation>
    </message>
    <message>
        <source>&lt;code&gt;memfd_create(&quot;NAME&quot;, flags)&lt;/code&gt; gives a descriptor to a file of memory with no name in any directory: it lives while some process holds a descriptor or a mapping, and is passed to others over a UNIX socket (Wayland buffers, PipeWire, browsers). It shows as &lt;code&gt;/memfd:NAME (deleted)&lt;/code&gt; in &lt;code&gt;/proc/PID/fd&lt;/code&gt; and &lt;code&gt;/proc/PID/maps&lt;/code&gt;. &lt;b&gt;Seals&lt;/b&gt; (&lt;code&gt;F_ADD_SEALS&lt;/code&gt;) forbid from then on to shrink, grow or write it, so that a receiver may trust it. Another process&apos;s memfd is opened through its &lt;code&gt;/proc/PID/fd/N&lt;/code&gt;, which needs the right to inspect that process (ptrace read).</source>
        <translation>&lt;code&gt;memfd_create(&quot;NOM&quot;, flags)&lt;/code&gt; donne un descripteur sur un fichier de mémoire sans nom dans aucun répertoire&#xa0;: il vit tant qu’un processus en tient un descripteur ou une projection, et se passe à d’autres par une socket UNIX (tampons Wayland, PipeWire, navigateurs). Il apparaît comme &lt;code&gt;/memfd:NOM (deleted)&lt;/code&gt; dans &lt;code&gt;/proc/PID/fd&lt;/code&gt; et &lt;code&gt;/proc/PID/maps&lt;/code&gt;. Les &lt;b&gt;scellés&lt;/b&gt; (&lt;code&gt;F_ADD_SEALS&lt;/code&gt;) interdisent désormais de le réduire, de l’agrandir ou d’y écrire, pour qu’un destinataire puisse s’y fier. Le memfd d’un autre processus s’ouvre par son &lt;code&gt;/proc/PID/fd/N&lt;/code&gt;, ce qui demande le droit d’inspecter ce processus (lecture ptrace).</translation>
    </message>
    <message>
        <source>Orphans</source>
        <translation>Orphelins</translation>
    </message>
    <message>
        <source>Shared memory nobody uses any more and that nothing will clean up: a segment that no process attaches and whose creator has exited, or a POSIX object that no process maps or holds open. It keeps its memory until someone removes it (or the machine restarts): programs that crashed before their clean-up leave them. shmscope shows how long each has been unused; a memfd is never an orphan, since it goes with its last holder.</source>
        <translation>De la mémoire partagée que plus personne n’utilise et que rien ne nettoiera&#xa0;: un segment qu’aucun processus n’attache et dont le créateur est sorti, ou un objet POSIX qu’aucun processus ne projette ni ne tient ouvert. Il garde sa mémoire jusqu’à ce que quelqu’un le supprime (ou que la machine redémarre)&#xa0;: les programmes qui ont planté avant leur nettoyage en laissent. shmscope montre depuis combien de temps chacun est inutilisé&#xa0;; un memfd n’est jamais orphelin, puisqu’il part avec son dernier détenteur.</translation>
    </message>
</context>
<context>
    <name>HexView</name>
    <message>
        <source>No changed byte after 0x%1.</source>
        <translation>Aucun octet modifié après 0x%1.</translation>
    </message>
    <message>
        <source>No changed byte before 0x%1.</source>
        <translation>Aucun octet modifié avant 0x%1.</translation>
    </message>
    <message>
        <source>The clipboard does not hold hex bytes: %1</source>
        <translation>Le presse-papiers ne contient pas d&apos;octets en hexadécimal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Hex view</source>
        <translation>Vue hexadécimale</translation>
    </message>
    <message>
        <source>Offset 0x%1</source>
        <translation>Position 0x%1</translation>
    </message>
    <message>
        <source>Offset 0x%1, value 0x%2 (%3)</source>
        <translation>Position 0x%1, valeur 0x%2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Offset 0x%1 (%2) is past the end: the segment has %L3 bytes, the last offset is 0x%4.</source>
        <translation>
            <numerusform>La position 0x%1 (%2) est au-delà de la fin&#xa0;: le segment a %L3 octet, la dernière position est 0x%4.</numerusform>
            <numerusform>La position 0x%1 (%2) est au-delà de la fin&#xa0;: le segment a %L3 octets, la dernière position est 0x%4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %L1 bytes</source>
        <translation>
            <numerusform>Coller %L1 octet</numerusform>
            <numerusform>Coller %L1 octets</numerusform>
        </translation>
    </message>
    <message>
        <source>Offset 0x%1, unreadable: %2</source>
        <translation>Position 0x%1, illisible&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes of the selection cannot be read, from 0x%2: %3 Nothing was copied.</source>
        <translation>
            <numerusform>%L1 octet de la sélection ne peut pas être lu, à partir de 0x%2&#xa0;: %3 Rien n&apos;a été copié.</numerusform>
            <numerusform>%L1 octets de la sélection ne peuvent pas être lus, à partir de 0x%2&#xa0;: %3 Rien n&apos;a été copié.</numerusform>
        </translation>
    </message>
    <message>
        <source>This page was never written: it holds zeros, shown without reading it (reading it would make the kernel allocate it).</source>
        <translation>Cette page n&apos;a jamais été écrite&#xa0;: elle contient des zéros, affichés sans la lire (la lire obligerait le noyau à l&apos;allouer).</translation>
    </message>
    <message>
        <source>This page could not be read.</source>
        <translation>Cette page n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>0x%1: %2</source>
        <translation>0x%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>HoldersModel</name>
    <message>
        <source>mapping</source>
        <translation>projection</translation>
    </message>
    <message>
        <source>descriptor</source>
        <translation>descripteur</translation>
    </message>
    <message>
        <source>fd %1</source>
        <translation>fd %1</translation>
    </message>
    <message>
        <source>%1 – %2 (%L3 bytes)</source>
        <translation>%1 – %2 (%L3 octets)</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>lecture-écriture</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>%1 (%2), %3, descriptor %4</source>
        <translation>%1 (%2), %3, descripteur %4</translation>
    </message>
    <message>
        <source>%1 (%2), %3, mapped at %4</source>
        <translation>%1 (%2), %3, projeté en %4</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Tenu par</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>The lesson, step by step</source>
        <translation>La leçon, pas à pas</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>&amp;Avancer</translation>
    </message>
    <message>
        <source>Play the next system call of the lesson.</source>
        <translation>Exécuter l&apos;appel système suivant de la leçon.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Play the remaining steps one after the other.</source>
        <translation>Exécuter les étapes restantes l&apos;une après l&apos;autre.</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>&amp;Réinitialiser</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;This step failed.&lt;/b&gt; %1&lt;br&gt;Press Reset to start again.</source>
        <translation>&lt;b&gt;Cette étape a échoué.&lt;/b&gt; %1&lt;br&gt;Appuyez sur Réinitialiser pour recommencer.</translation>
    </message>
</context>
<context>
    <name>LessonSteps</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Call (C)</source>
        <translation>Appel (C)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>shmscope — System V shared memory</source>
        <translation>shmscope — mémoire partagée System V</translation>
    </message>
    <message>
        <source>Filter: key, shmid, owner or any text (Ctrl+F)</source>
        <translation>Filtrer&#xa0;: clé, shmid, propriétaire ou tout texte (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New Segment…</source>
        <translation>&amp;Nouveau segment…</translation>
    </message>
    <message>
        <source>Create a shared-memory segment (shmget)</source>
        <translation>Créer un segment de mémoire partagée (shmget)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Mark the selected segments for destruction (IPC_RMID)</source>
        <translation>Marquer les segments sélectionnés pour destruction (IPC_RMID)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open for &amp;Editing</source>
        <translation>Ouvrir pour &amp;modifier</translation>
    </message>
    <message>
        <source>Change &amp;Mode…</source>
        <translation>Changer les &amp;droits…</translation>
    </message>
    <message>
        <source>Change O&amp;wner and Group…</source>
        <translation>Changer le &amp;propriétaire et le groupe…</translation>
    </message>
    <message>
        <source>&amp;Lock in Memory</source>
        <translation>&amp;Verrouiller en mémoire</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Déverro&amp;uiller</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Copier les lignes</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Actualiser maintenant</translation>
    </message>
    <message>
        <source>&amp;Pause Refreshing</source>
        <translation>&amp;Suspendre l&apos;actualisation</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrer…</translation>
    </message>
    <message>
        <source>&amp;Fork Demo…</source>
        <translation>Démonstration de &amp;fork…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Segment</source>
        <translation>&amp;Segment</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Colonnes</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>Dé&amp;mo</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source> every </source>
        <translation> toutes les </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>Intervalle d&apos;actualisation</translation>
    </message>
    <message>
        <source>Running as root: permission checks are bypassed.</source>
        <translation>Exécuté en root&#xa0;: les contrôles de droits sont ignorés.</translation>
    </message>
    <message>
        <source>Root has CAP_IPC_OWNER: every segment can be attached, changed and removed whatever its mode.</source>
        <translation>Root a CAP_IPC_OWNER&#xa0;: tout segment peut être attaché, modifié et supprimé quels que soient ses droits.</translation>
    </message>
    <message>
        <source>Refreshing paused (F5 refreshes once).</source>
        <translation>Actualisation suspendue (F5 actualise une fois).</translation>
    </message>
    <message>
        <source>Cannot list segments: %1</source>
        <translation>Impossible de lister les segments&#xa0;: %1</translation>
    </message>
    <message>
        <source>No change since start.</source>
        <translation>Aucun changement depuis le démarrage.</translation>
    </message>
    <message>
        <source>Rows that appeared or changed are highlighted for a moment.</source>
        <translation>Les lignes apparues ou modifiées sont mises en évidence un instant.</translation>
    </message>
    <message>
        <source>Segments: %1</source>
        <translation>Segments&#xa0;: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Affichés&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Limits unavailable</source>
        <translation>Limites indisponibles</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 segments (SHMMNI) · %3 in use · SHMMAX %4</source>
        <translation>
            <numerusform>%1 sur %2 segment (SHMMNI) · %3 utilisés · SHMMAX %4</numerusform>
            <numerusform>%1 sur %2 segments (SHMMNI) · %3 utilisés · SHMMAX %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Segment %1 no longer exists: it was removed by someone else.</source>
        <translation>Le segment %1 n&apos;existe plus&#xa0;: quelqu&apos;un d&apos;autre l&apos;a supprimé.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Change mode</source>
        <translation>Changement de droits</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>Changement de propriétaire</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouillage</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>shmid %1, key %2, %3, %4 attached%5</source>
        <translation>shmid %1, clé %2, %3, nattch %4%5</translation>
    </message>
    <message>
        <source>, already marked for destruction</source>
        <translation>, déjà marqué pour destruction</translation>
    </message>
    <message>
        <source>Remove segment %1?</source>
        <translation>Supprimer le segment %1&#xa0;?</translation>
    </message>
    <message>
        <source>It lives on until the last one detaches; only its key is freed now.</source>
        <translation>Il survit jusqu&apos;au dernier détachement&#xa0;; seule sa clé est libérée dès maintenant.</translation>
    </message>
    <message>
        <source>No process has it attached: it is destroyed at once.</source>
        <translation>Aucun processus ne l&apos;a attaché&#xa0;: il est détruit aussitôt.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n segments?</source>
        <translation>
            <numerusform>Supprimer %n segment&#xa0;?</numerusform>
            <numerusform>Supprimer %n segments&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>None is attached: they are destroyed at once.</source>
        <translation>Aucun n&apos;est attaché&#xa0;: ils sont détruits aussitôt.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>Change mode of %n segments</source>
        <translation>
            <numerusform>Changer les droits de %n segment</numerusform>
            <numerusform>Changer les droits de %n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change owner of %n segments</source>
        <translation>
            <numerusform>Changer le propriétaire de %n segment</numerusform>
            <numerusform>Changer le propriétaire de %n segments</numerusform>
        </translation>
    </message>
    <message>
        <source>Created segment %1.</source>
        <translation>Segment %1 créé.</translation>
    </message>
    <message>
        <source>Every System V shared-memory segment of this IPC namespace, refreshed live. Columns: the %1, the %2, the %3 and %4, the %5, the %6 (%7, %8), the %9 and the %10.</source>
        <translation>Tous les segments de mémoire partagée System V de cet espace de noms IPC, actualisés en continu. Colonnes&#xa0;: la %1, le %2, le %3 et les %4, la %5, le %6 (%7, %8), les %9 et les %10.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <source>shmid</source>
        <translation>shmid</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>permissions</source>
        <translation>droits</translation>
    </message>
    <message>
        <source>size</source>
        <translation>taille</translation>
    </message>
    <message>
        <source>attach count and status</source>
        <translation>nombre d&apos;attachements et l&apos;état</translation>
    </message>
    <message>
        <source>dest</source>
        <translation>dest</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>creator and last pids</source>
        <translation>PID du créateur et du dernier processus</translation>
    </message>
    <message>
        <source>times</source>
        <translation>dates</translation>
    </message>
    <message>
        <source>The %1 of the selected segment, from /proc/PID/maps.</source>
        <translation>Les %1 au segment sélectionné, d&apos;après /proc/PID/maps.</translation>
    </message>
    <message>
        <source>processes that have it attached</source>
        <translation>processus attachés</translation>
    </message>
    <message>
        <source>The system&apos;s %1: segments in use of SHMMNI, memory in use, and SHMMAX.</source>
        <translation>Les %1 du système&#xa0;: segments utilisés sur SHMMNI, mémoire utilisée et SHMMAX.</translation>
    </message>
    <message>
        <source>limits</source>
        <translation>limites</translation>
    </message>
    <message>
        <source>Open for Editing</source>
        <translation>Ouvrir pour modifier</translation>
    </message>
    <message>
        <source>You may read this segment: open it read-only instead?</source>
        <translation>Vous pouvez lire ce segment : l’ouvrir en lecture seule ?</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>Attach read-only and show the memory (attaching changes the segment&apos;s nattch, atime and lpid)</source>
        <translation>Attacher en lecture seule et afficher la mémoire (l’attachement modifie nattch, atime et lpid du segment)</translation>
    </message>
    <message>
        <source>Attach read-write so the memory can be edited (attaching changes the segment&apos;s nattch, atime and lpid)</source>
        <translation>Attacher en lecture-écriture pour pouvoir modifier la mémoire (l’attachement modifie nattch, atime et lpid du segment)</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>lecture-écriture</translation>
    </message>
    <message>
        <source>Opened %1 %2; nattch counts the view.</source>
        <translation>%1 ouvert en %2 ; nattch compte la vue.</translation>
    </message>
    <message>
        <source>Segments in use: %1 of at most %2 (SHMMNI)</source>
        <translation>Segments utilisés&#xa0;: %1 sur %2 au plus (SHMMNI)</translation>
    </message>
    <message numerus="yes">
        <source>Memory of segments: %L1 bytes (%2 resident, %3 swapped) of at most %L4 pages (SHMALL)</source>
        <translation>
            <numerusform>Mémoire des segments&#xa0;: %L1 octet (%2 résidents, %3 en swap) sur %L4 pages au plus (SHMALL)</numerusform>
            <numerusform>Mémoire des segments&#xa0;: %L1 octets (%2 résidents, %3 en swap) sur %L4 pages au plus (SHMALL)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Largest segment: %L1 bytes (SHMMAX)</source>
        <translation>
            <numerusform>Plus grand segment&#xa0;: %L1 octet (SHMMAX)</numerusform>
            <numerusform>Plus grand segment&#xa0;: %L1 octets (SHMMAX)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 failed for %2 of %n segments:</source>
        <translation>
            <numerusform>%1&#xa0;: échec pour %2 segment sur %n&#xa0;:</numerusform>
            <numerusform>%1&#xa0;: échec pour %2 segments sur %n&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are still attached (%1); each lives on until its last process detaches.</source>
        <translation>
            <numerusform>%n d&apos;entre eux est encore attaché (%1)&#xa0;; il survit jusqu&apos;au détachement de son dernier processus.</numerusform>
            <numerusform>%n d&apos;entre eux sont encore attachés (%1)&#xa0;; chacun survit jusqu&apos;au détachement de son dernier processus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachments in all</source>
        <translation>
            <numerusform>%n attachement en tout</numerusform>
            <numerusform>%n attachements en tout</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is still attached by %n processes.</source>
        <translation>
            <numerusform>Un processus l&apos;a encore attaché.</numerusform>
            <numerusform>%n processus l&apos;ont encore attaché.</numerusform>
        </translation>
    </message>
    <message>
        <source>Memory of segments: %L1 pages, more than 16 EiB (%2 resident, %3 swapped) of at most %L4 pages (SHMALL)</source>
        <translation>Mémoire des segments&#xa0;: %L1 pages, plus de 16 Eio (%2 résidents, %3 en swap) sur %L4 pages au plus (SHMALL)</translation>
    </message>
    <message>
        <source>more than 16 EiB</source>
        <translation>plus de 16 Eio</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Semaphore sets</source>
        <translation>Ensembles de sémaphores</translation>
    </message>
    <message>
        <source>&amp;Race Demo…</source>
        <translation>Démonstration de concu&amp;rrence…</translation>
    </message>
    <message>
        <source>Message queues</source>
        <translation>Files de messages</translation>
    </message>
    <message>
        <source> IPC namespace: </source>
        <translation> Espace de noms IPC&#xa0;: </translation>
    </message>
    <message>
        <source>The IPC namespace shown: every container has its own. Segments, semaphore sets and queues are listed, created, changed and removed there, and attachers are its processes. Entering another one needs CAP_SYS_ADMIN over it.</source>
        <translation>L’espace de noms IPC affiché&#xa0;: chaque conteneur a le sien. Les segments, ensembles de sémaphores et files y sont listés, créés, modifiés et supprimés, et les processus attachés sont les siens. Entrer dans un autre demande CAP_SYS_ADMIN sur lui.</translation>
    </message>
    <message>
        <source>ipc:[%1] shmscope&apos;s own</source>
        <translation>ipc:[%1] celui de shmscope</translation>
    </message>
    <message numerus="yes">
        <source>ipc:[%1] pid %2 (%3), %n processes</source>
        <translation>
            <numerusform>ipc:[%1] pid %2 (%3), %n processus</numerusform>
            <numerusform>ipc:[%1] pid %2 (%3), %n processus</numerusform>
        </translation>
    </message>
    <message>
        <source>ipc:[%1] no process left (kept by shmscope)</source>
        <translation>ipc:[%1] plus aucun processus (gardé par shmscope)</translation>
    </message>
    <message>
        <source>IPC Namespace</source>
        <translation>Espace de noms IPC</translation>
    </message>
    <message>
        <source>Cannot switch to the IPC namespace of process %1: %2</source>
        <translation>Impossible de passer à l’espace de noms IPC du processus %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>IPC namespace %1</source>
        <translation>Espace de noms IPC %1</translation>
    </message>
    <message>
        <source>shmscope — System V shared memory — IPC namespace %1</source>
        <translation>shmscope — mémoire partagée System V — espace de noms IPC %1</translation>
    </message>
    <message>
        <source>Everything shown and done here is of this IPC namespace, not shmscope&apos;s own.</source>
        <translation>Tout ce qui est affiché et fait ici l’est dans cet espace de noms IPC, pas dans celui de shmscope.</translation>
    </message>
    <message>
        <source>Select Or&amp;phans</source>
        <translation>Sélectionner les orp&amp;helins</translation>
    </message>
    <message>
        <source>Select every segment nobody attaches whose creator is gone, to remove them</source>
        <translation>Sélectionner chaque segment que personne n’attache et dont le créateur est parti, pour les supprimer</translation>
    </message>
    <message>
        <source>POSIX objects</source>
        <translation>Objets POSIX</translation>
    </message>
    <message>
        <source>memfd</source>
        <translation>memfd</translation>
    </message>
    <message>
        <source>No orphans: every segment shown is attached, or its creator still runs.</source>
        <translation>Aucun orphelin&#xa0;: chaque segment affiché est attaché, ou son créateur tourne encore.</translation>
    </message>
    <message numerus="yes">
        <source>Selected %n orphans: Remove (Del) asks before it removes them.</source>
        <translation>
            <numerusform>%n orphelin sélectionné&#xa0;: Supprimer (Suppr) demande avant de le supprimer.</numerusform>
            <numerusform>%n orphelins sélectionnés&#xa0;: Supprimer (Suppr) demande avant de les supprimer.</numerusform>
        </translation>
    </message>
    <message>
        <source>, orphan unused for %1</source>
        <translation>, orphelin inutilisé depuis %1</translation>
    </message>
</context>
<context>
    <name>MemfdTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>The name given to memfd_create (names need not be unique)</source>
        <translation>Le nom donné à memfd_create (deux memfd peuvent porter le même)</translation>
    </message>
    <message>
        <source>Inode</source>
        <translation>Inode</translation>
    </message>
    <message>
        <source>The object&apos;s inode: what tells two memfds of one name apart</source>
        <translation>L’inode de l’objet&#xa0;: ce qui distingue deux memfd de même nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Seals</source>
        <translation>Scellés</translation>
    </message>
    <message>
        <source>What fcntl(F_ADD_SEALS) forbids from now on</source>
        <translation>Ce que fcntl(F_ADD_SEALS) interdit désormais</translation>
    </message>
    <message>
        <source>Holders</source>
        <translation>Détenteurs</translation>
    </message>
    <message>
        <source>Processes that map the memfd or hold a descriptor to it</source>
        <translation>Processus qui projettent le memfd ou en tiennent un descripteur</translation>
    </message>
    <message>
        <source>unknown (no right to read a holder)</source>
        <translation>inconnus (pas le droit de lire un détenteur)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Reading the size needs the right to inspect a holder (ptrace read)</source>
        <translation>Lire la taille demande le droit d’inspecter un détenteur (lecture ptrace)</translation>
    </message>
</context>
<context>
    <name>MemoryNote</name>
    <message>
        <source>%1 KiB of this segment are on swap: pages not in memory are read only when shown.</source>
        <translation>%1 Kio de ce segment sont dans l&apos;espace d&apos;échange&#xa0;: les pages absentes de la mémoire ne sont lues que lorsqu&apos;elles sont affichées.</translation>
    </message>
    <message>
        <source>Huge pages: pages not yet mapped here are read only when shown; reading one that nobody has used takes a free huge page, or faults when none is left.</source>
        <translation>Grandes pages&#xa0;: les pages pas encore projetées ici ne sont lues que lorsqu&apos;elles sont affichées&#xa0;; lire une page que personne n&apos;a encore utilisée prend une grande page libre, ou provoque un défaut de page s&apos;il n&apos;en reste aucune.</translation>
    </message>
    <message>
        <source>Rows shown as ?? could not be read: %1</source>
        <translation>Les lignes affichées en ?? n&apos;ont pas pu être lues&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MemoryView</name>
    <message>
        <source>Live</source>
        <translation>Temps réel</translation>
    </message>
    <message>
        <source>Compare the visible bytes with the previous copy on every tick and highlight those another process changed</source>
        <translation>Comparer à chaque tic les octets visibles avec la copie précédente et mettre en évidence ceux qu&apos;un autre processus a modifiés</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Live refresh rate</source>
        <translation>Fréquence d&apos;actualisation en temps réel</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>groupe %1</translation>
    </message>
    <message>
        <source>Cannot switch to %1: %2</source>
        <translation>Impossible de passer en %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>lecture-écriture</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message numerus="yes">
        <source>shmid %1 · key %2 · %3 (%L4 bytes) · %5 · attached at 0x%6</source>
        <translation>
            <numerusform>shmid %1 · clé %2 · %3 (%L4 octet) · %5 · attaché en 0x%6</numerusform>
            <numerusform>shmid %1 · clé %2 · %3 (%L4 octets) · %5 · attaché en 0x%6</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Offset 0x%1 (%L2)</source>
        <translation>Position 0x%1 (%L2)</translation>
    </message>
    <message numerus="yes">
        <source> · selected %L1 bytes from 0x%2</source>
        <translation>
            <numerusform> · %L1 octet sélectionné depuis 0x%2</numerusform>
            <numerusform> · %L1 octets sélectionnés depuis 0x%2</numerusform>
        </translation>
    </message>
    <message>
        <source> · live paused</source>
        <translation> · temps réel suspendu</translation>
    </message>
    <message>
        <source>The segment&apos;s status cannot be read: %1</source>
        <translation>Impossible de lire l&apos;état du segment&#xa0;: %1</translation>
    </message>
    <message>
        <source>This segment is marked for destruction (IPC_RMID): it stays alive while it is attached, and the kernel removes it when the last process detaches. The view keeps working.</source>
        <translation>Ce segment est marqué pour destruction (IPC_RMID)&#xa0;: il reste en vie tant qu&apos;il est attaché, et le noyau le supprime quand le dernier processus se détache. La vue continue de fonctionner.</translation>
    </message>
    <message>
        <source>&amp;Go to Offset...</source>
        <translation>&amp;Aller à la position…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Rechercher le &amp;suivant</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Rechercher le &amp;précédent</translation>
    </message>
    <message>
        <source>Next &amp;Changed Byte</source>
        <translation>Octet modifié sui&amp;vant</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>Previous C&amp;hanged Byte</source>
        <translation>Octet modifié &amp;précédent</translation>
    </message>
    <message>
        <source>Shift+F8</source>
        <translation>Shift+F8</translation>
    </message>
    <message>
        <source>&amp;Reset Change Counter</source>
        <translation>&amp;Remettre à zéro le compteur de modifications</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Pause Live Refresh</source>
        <translation>&amp;Suspendre le temps réel</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;Editable (attach read-write)</source>
        <translation>&amp;Modifiable (attacher en lecture-écriture)</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Copy as Hex</source>
        <translation>&amp;Copier en hexadécimal</translation>
    </message>
    <message>
        <source>Copy as C &amp;Array</source>
        <translation>Copier comme &amp;tableau C</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy as &amp;Base64</source>
        <translation>Copier en &amp;Base64</translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <source>&amp;Paste Hex</source>
        <translation>Co&amp;ller de l&apos;hexadécimal</translation>
    </message>
    <message>
        <source>&amp;Fill Selection...</source>
        <translation>Remplir la &amp;sélection…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>E&amp;xport Segment...</source>
        <translation>E&amp;xporter le segment…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Export &amp;Selection...</source>
        <translation>Exporter la &amp;sélection…</translation>
    </message>
    <message>
        <source>&amp;Import File...</source>
        <translation>&amp;Importer un fichier…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Go to Offset</source>
        <translation>Aller à la position</translation>
    </message>
    <message>
        <source>Offset (hex with 0x, or decimal), 0 to 0x%1:</source>
        <translation>Position (hexadécimal avec 0x, ou décimal), de 0 à 0x%1&#xa0;:</translation>
    </message>
    <message>
        <source>The selection is too large for the clipboard (%1); select at most 16 MiB, or use Export Selection.</source>
        <translation>La sélection est trop grande pour le presse-papiers (%1)&#xa0;; sélectionnez au plus 16 Mio, ou utilisez Exporter la sélection.</translation>
    </message>
    <message>
        <source>Fill Selection</source>
        <translation>Remplir la sélection</translation>
    </message>
    <message numerus="yes">
        <source>Fill %L1 bytes from 0x%2 with the byte (hex, e.g. 00 or ff):</source>
        <translation>
            <numerusform>Remplir %L1 octet à partir de 0x%2 avec l&apos;octet (en hexadécimal, par ex. 00 ou ff)&#xa0;:</numerusform>
            <numerusform>Remplir %L1 octets à partir de 0x%2 avec l&apos;octet (en hexadécimal, par ex. 00 ou ff)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Type one byte in hex, such as 00 or ff.</source>
        <translation>Tapez un octet en hexadécimal, comme 00 ou ff.</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Impossible d&apos;exporter vers %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %L1 bytes to %2.</source>
        <translation>
            <numerusform>%L1 octet exporté vers %2.</numerusform>
            <numerusform>%L1 octets exportés vers %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Importer %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %L1 bytes from %2 at 0x%3.</source>
        <translation>
            <numerusform>%L1 octet importé de %2 en 0x%3.</numerusform>
            <numerusform>%L1 octets importés de %2 en 0x%3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Selection</source>
        <translation>Exporter la sélection</translation>
    </message>
    <message>
        <source>Export Segment</source>
        <translation>Exporter le segment</translation>
    </message>
    <message>
        <source>Import File into Segment</source>
        <translation>Importer un fichier dans le segment</translation>
    </message>
    <message>
        <source>Import File</source>
        <translation>Importer le fichier</translation>
    </message>
    <message>
        <source>Attaching, even read-only, is seen by everyone: while the view is open the segment&apos;s nattch counts it, and attaching and detaching set its atime, dtime and lpid to this moment and this process. The bytes are not touched unless you edit them.</source>
        <translation>S’attacher, même en lecture seule, se voit de tous : tant que la vue est ouverte, le nattch du segment la compte, et l’attachement puis le détachement fixent ses atime, dtime et lpid à cet instant et à ce processus. Les octets ne sont pas touchés, sauf si vous les modifiez.</translation>
    </message>
    <message>
        <source>This view is an attachment: nattch counts it, atime and lpid record it.</source>
        <translation>Cette vue est un attachement : nattch la compte, atime et lpid l’enregistrent.</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes/row</source>
        <translation>
            <numerusform>%n octet/ligne</numerusform>
            <numerusform>%n octets/ligne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln bytes.</source>
        <translation>
            <numerusform>%Ln octet copié.</numerusform>
            <numerusform>%Ln octets copiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overwrite %L1 bytes of shmid %2 from offset 0x%3 with the contents of %4? Other processes see the change at once.</source>
        <translation>
            <numerusform>Écraser %L1 octet du shmid %2 à partir de la position 0x%3 avec le contenu de %4&#xa0;? Les autres processus voient le changement aussitôt.</numerusform>
            <numerusform>Écraser %L1 octets du shmid %2 à partir de la position 0x%3 avec le contenu de %4&#xa0;? Les autres processus voient le changement aussitôt.</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Cette opération est irréversible.</translation>
    </message>
    <message>
        <source>Its creator, process %1, has exited.</source>
        <translation>Son créateur, le processus %1, s’est terminé.</translation>
    </message>
    <message>
        <source>This view is its last attachment: the kernel destroys the segment when the view is closed.</source>
        <translation>Cette vue en est le dernier attachement : le noyau détruit le segment quand la vue est fermée.</translation>
    </message>
    <message>
        <source>Only this program has it attached: the kernel destroys the segment when this program detaches it.</source>
        <translation>Seul ce programme l’a attaché : le noyau détruit le segment quand ce programme le détache.</translation>
    </message>
    <message>
        <source>This view keeps it alive until it is closed.</source>
        <translation>Cette vue le garde en vie jusqu’à sa fermeture.</translation>
    </message>
    <message>
        <source>No other process has it attached: this view alone keeps it in use.</source>
        <translation>Aucun autre processus ne l’a attaché : cette vue seule le maintient en usage.</translation>
    </message>
    <message>
        <source>A program that checks whether the segment is still in use (as a database restarting after a crash does) finds it in use while this view is open.</source>
        <translation>Un programme qui vérifie si le segment est encore utilisé (comme le fait une base de données qui redémarre après un plantage) le trouve utilisé tant que cette vue est ouverte.</translation>
    </message>
    <message>
        <source>the program reading from it has closed it (broken pipe).</source>
        <translation>le programme qui le lisait l’a fermé (tube rompu).</translation>
    </message>
    <message>
        <source>no program is reading from it.</source>
        <translation>aucun programme ne le lit.</translation>
    </message>
    <message>
        <source>The source has more: reading stopped at the end of the segment.</source>
        <translation>La source en contient davantage : la lecture s’est arrêtée à la fin du segment.</translation>
    </message>
    <message>
        <source>This cannot be undone (undo keeps at most %1 MiB).</source>
        <translation>Impossible d’annuler (l’annulation garde au plus %1 Mio).</translation>
    </message>
    <message numerus="yes">
        <source>Overwrite up to %L1 bytes of shmid %2 from offset 0x%3 with what %4 gives? Its size is unknown: reading stops at the end of the segment. Other processes see the change at once.</source>
        <translation>
            <numerusform>Écraser jusqu’à %L1 octet du shmid %2 à partir du décalage 0x%3 avec ce que donne %4 ? Sa taille est inconnue : la lecture s’arrête à la fin du segment. Les autres processus voient le changement aussitôt.</numerusform>
            <numerusform>Écraser jusqu’à %L1 octets du shmid %2 à partir du décalage 0x%3 avec ce que donne %4 ? Sa taille est inconnue : la lecture s’arrête à la fin du segment. Les autres processus voient le changement aussitôt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Beyond %1 MiB, it cannot be undone.</source>
        <translation>Au-delà de %1 Mio, impossible d’annuler.</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Cancel Task</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <source>%1 is still running: cancel it (Esc) or wait for it to end.</source>
        <translation>La tâche «&#xa0;%1&#xa0;» est toujours en cours&#xa0;: annulez-la (Esc) ou attendez qu&apos;elle se termine.</translation>
    </message>
    <message>
        <source>%1 is running over the memory: cancel it (Esc) before switching between read-only and read-write.</source>
        <translation>La tâche «&#xa0;%1&#xa0;» parcourt la mémoire&#xa0;: annulez-la (Esc) avant de passer de lecture seule à lecture-écriture ou inversement.</translation>
    </message>
    <message>
        <source> · unreadable: %1</source>
        <translation> · illisible&#xa0;: %1</translation>
    </message>
    <message>
        <source> · never written (zeros, not read)</source>
        <translation> · jamais écrit (des zéros, non lus)</translation>
    </message>
    <message>
        <source>Scan for &amp;Values</source>
        <translation>Recherche de &amp;valeurs</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Recherche de valeurs</translation>
    </message>
    <message>
        <source>&amp;Snapshot Segment...</source>
        <translation>&amp;Instantané du segment…</translation>
    </message>
    <message>
        <source>Snapshot Se&amp;lection...</source>
        <translation>Instantané de la &amp;sélection…</translation>
    </message>
    <message>
        <source>Compare &amp;with Snapshot...</source>
        <translation>Comparer &amp;avec un instantané…</translation>
    </message>
    <message>
        <source>Compare &amp;Two Snapshots...</source>
        <translation>Comparer &amp;deux instantanés…</translation>
    </message>
    <message>
        <source>&amp;Next Difference</source>
        <translation>Différence sui&amp;vante</translation>
    </message>
    <message>
        <source>F7</source>
        <translation>F7</translation>
    </message>
    <message>
        <source>&amp;Previous Difference</source>
        <translation>Différence &amp;précédente</translation>
    </message>
    <message>
        <source>Shift+F7</source>
        <translation>Shift+F7</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>cancelled.</source>
        <translation>opération annulée.</translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written.</source>
        <translation>Exportation annulée&#xa0;: %1 n&apos;a pas été écrit.</translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes could not be read (a fault) and were written as zeros.</source>
        <translation>
            <numerusform>%L1 octet n&apos;a pas pu être lu (défaut de page) et a été remplacé par un zéro.</numerusform>
            <numerusform>%L1 octets n&apos;ont pas pu être lus (défaut de page) et ont été remplacés par des zéros.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %L1 bytes were written before; they cannot be undone.</source>
        <translation>
            <numerusform>Importation annulée&#xa0;: %L1 octet avait déjà été écrit&#xa0;; il ne peut pas être annulé.</numerusform>
            <numerusform>Importation annulée&#xa0;: %L1 octets avaient déjà été écrits&#xa0;; ils ne peuvent pas être annulés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Importation annulée&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
    <message numerus="yes">
        <source> · %L1 bytes changed in the last %2 s</source>
        <translation>
            <numerusform> · %L1 octet modifié ces %2 dernières secondes</numerusform>
            <numerusform> · %L1 octets modifiés ces %2 dernières secondes</numerusform>
        </translation>
    </message>
    <message>
        <source> · tracker %1% budget · %2% used · %3 passes/s</source>
        <translation> · suivi&#xa0;: budget %1&#xa0;% · %2&#xa0;% utilisés · %3 passages/s</translation>
    </message>
    <message>
        <source> · %1 not watched (the tracker&apos;s copy is limited to %2)</source>
        <translation> · %1 non surveillés (la copie du suivi est limitée à %2)</translation>
    </message>
    <message>
        <source>This view maps the object: the lists of its holders show this program.</source>
        <translation>Cette vue projette l’objet&#xa0;: les listes de ses détenteurs montrent ce programme.</translation>
    </message>
    <message>
        <source>shmid %1</source>
        <translation>shmid %1</translation>
    </message>
    <message>
        <source>Mapping a file is seen by those who look: while the view is open this program holds it (a descriptor and a mapping, in /proc), so it counts among its holders and keeps its memory alive if its name is removed. The bytes are not touched unless you edit them.</source>
        <translation>Projeter un fichier se voit pour qui regarde&#xa0;: tant que la vue est ouverte, ce programme le tient (un descripteur et une projection, dans /proc), il compte donc parmi ses détenteurs et garde sa mémoire en vie si son nom est supprimé. Les octets ne sont pas touchés, sauf si vous les modifiez.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 (%4 bytes) · %5 · mapped at 0x%6</source>
        <translation>
            <numerusform>%1 · %2 · %3 (%4 octet) · %5 · projeté en 0x%6</numerusform>
            <numerusform>%1 · %2 · %3 (%4 octets) · %5 · projeté en 0x%6</numerusform>
        </translation>
    </message>
    <message>
        <source>Its name was removed (shm_unlink): its memory lives on while a process holds it, this view included, and goes when the last one lets go.</source>
        <translation>Son nom a été supprimé (shm_unlink)&#xa0;: sa mémoire vit tant qu’un processus la tient, cette vue comprise, et part quand le dernier la lâche.</translation>
    </message>
    <message>
        <source>&amp;Editable (open read-write)</source>
        <translation>&amp;Modifiable (ouvrir en lecture-écriture)</translation>
    </message>
    <message>
        <source>E&amp;xport Object...</source>
        <translation>E&amp;xporter l’objet…</translation>
    </message>
    <message>
        <source>&amp;Snapshot Object...</source>
        <translation>&amp;Instantané de l’objet…</translation>
    </message>
    <message>
        <source>Export Object</source>
        <translation>Exporter l’objet</translation>
    </message>
    <message numerus="yes">
        <source>Overwrite %L1 bytes of %2 from offset 0x%3 with the contents of %4? Other processes see the change at once.</source>
        <translation>
            <numerusform>Écraser %L1 octet de %2 à partir de la position 0x%3 avec le contenu de %4&#xa0;? Les autres processus voient le changement aussitôt.</numerusform>
            <numerusform>Écraser %L1 octets de %2 à partir de la position 0x%3 avec le contenu de %4&#xa0;? Les autres processus voient le changement aussitôt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overwrite up to %L1 bytes of %2 from offset 0x%3 with what %4 gives? Its size is unknown: reading stops at the end of the object. Other processes see the change at once.</source>
        <translation>
            <numerusform>Écraser jusqu’à %L1 octet de %2 à partir de la position 0x%3 avec ce que donne %4&#xa0;? Sa taille est inconnue&#xa0;: la lecture s’arrête à la fin de l’objet. Les autres processus voient le changement aussitôt.</numerusform>
            <numerusform>Écraser jusqu’à %L1 octets de %2 à partir de la position 0x%3 avec ce que donne %4&#xa0;? Sa taille est inconnue&#xa0;: la lecture s’arrête à la fin de l’objet. Les autres processus voient le changement aussitôt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemoryWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Recherche</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Temps réel</translation>
    </message>
    <message>
        <source>shmid %1 (%2) — shmscope</source>
        <translation>shmid %1 (%2) — shmscope</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>lecture-écriture</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparaison</translation>
    </message>
    <message>
        <source>Tracker &amp;budget</source>
        <translation>&amp;Budget du suivi</translation>
    </message>
    <message>
        <source>%1% of a core</source>
        <translation>%1&#xa0;% d&apos;un cœur</translation>
    </message>
    <message>
        <source>How much CPU the comparison of the whole segment may take: more sees changes sooner on a large segment, less leaves more to the programs that use it.</source>
        <translation>La part d&apos;un cœur que peut prendre la comparaison de tout le segment&#xa0;: plus elle est grande, plus les changements sont vus tôt sur un grand segment&#xa0;; plus elle est petite, plus il en reste aux programmes qui l&apos;utilisent.</translation>
    </message>
    <message>
        <source>%1 (%2) — shmscope</source>
        <translation>%1 (%2) — shmscope</translation>
    </message>
</context>
<context>
    <name>ModeDialog</name>
    <message>
        <source>Change mode of segment %1</source>
        <translation>Changer les droits du segment %1</translation>
    </message>
</context>
<context>
    <name>ModeEditor</name>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <source>Execute</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>The mode in octal, 0 to 0777, e.g. 0640</source>
        <translation>Les droits en octal, de 0 à 0777, par ex. 0640</translation>
    </message>
    <message>
        <source>&amp;Octal:</source>
        <translation>&amp;Octal&#xa0;:</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Droits&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>Change owner of segment %1</source>
        <translation>Changer le propriétaire du segment %1</translation>
    </message>
    <message>
        <source>&amp;User (name or uid):</source>
        <translation>&amp;Utilisateur (nom ou uid)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Group (name or gid):</source>
        <translation>&amp;Groupe (nom ou gid)&#xa0;:</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot;; enter a user name or a uid.</source>
        <translation>Il n&apos;y a pas d&apos;utilisateur «&#xa0;%1&#xa0;»&#xa0;; saisissez un nom d&apos;utilisateur ou un uid.</translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot;; enter a group name or a gid.</source>
        <translation>Il n&apos;y a pas de groupe «&#xa0;%1&#xa0;»&#xa0;; saisissez un nom de groupe ou un gid.</translation>
    </message>
</context>
<context>
    <name>PosixCreateDialog</name>
    <message>
        <source>New POSIX Shared-Memory Object</source>
        <translation>Nouvel objet de mémoire partagée POSIX</translation>
    </message>
    <message>
        <source>The name shm_open takes: a slash, then up to 255 characters without another slash</source>
        <translation>Le nom que prend shm_open&#xa0;: une barre oblique, puis jusqu’à 255 caractères sans autre barre oblique</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Bytes, or with a unit: 64 KiB, 2 MiB, 1 GiB</source>
        <translation>Des octets, ou avec une unité&#xa0;: 64 Kio, 2 Mio, 1 Gio</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Droits&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Fail if the name is taken (O_EXCL)</source>
        <translation>&amp;Échouer si le nom est pris (O_EXCL)</translation>
    </message>
    <message>
        <source>Unchecked, an object of that name is opened and set to the size given: its bytes past that size are lost.</source>
        <translation>Décoché, un objet de ce nom est ouvert et mis à la taille donnée&#xa0;: ses octets au-delà de cette taille sont perdus.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Nom&#xa0;: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Taille&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Droits&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PosixResizeDialog</name>
    <message>
        <source>Resize %1</source>
        <translation>Redimensionner %1</translation>
    </message>
    <message>
        <source>New &amp;size:</source>
        <translation>Nouvelle &amp;taille&#xa0;:</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Actuellement&#xa0;:</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 octets</translation>
    </message>
    <message>
        <source>&amp;Resize</source>
        <translation>&amp;Redimensionner</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Taille&#xa0;: %1</translation>
    </message>
    <message>
        <source>Shrinking drops the %L1 bytes past the new end. A holder that touches them gets SIGBUS (shmscope&apos;s own views do not crash).</source>
        <translation>Réduire supprime les %L1 octets au-delà de la nouvelle fin. Un détenteur qui y touche reçoit SIGBUS (les vues de shmscope ne plantent pas).</translation>
    </message>
    <message>
        <source>The %L1 new bytes read as zeros; their pages are allocated only when written.</source>
        <translation>Les %L1 nouveaux octets se lisent comme des zéros&#xa0;; leurs pages ne sont allouées qu’à l’écriture.</translation>
    </message>
</context>
<context>
    <name>PosixTableModel</name>
    <message numerus="yes">
        <source>%n processes (%1)</source>
        <translation>
            <numerusform>%n processus (%1)</numerusform>
            <numerusform>%n processus (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>The name shm_open takes: /NAME for the file NAME of /dev/shm</source>
        <translation>Le nom que prend shm_open&#xa0;: /NOM pour le fichier NOM de /dev/shm</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>The object&apos;s length (ftruncate)</source>
        <translation>La longueur de l’objet (ftruncate)</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Résident</translation>
    </message>
    <message>
        <source>Memory the object&apos;s pages take, in memory or swap (tmpfs allocates a page when it is first written)</source>
        <translation>La mémoire que prennent les pages de l’objet, en mémoire ou en swap (tmpfs alloue une page à sa première écriture)</translation>
    </message>
    <message>
        <source>Perms</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Last write or truncate (mtime)</source>
        <translation>Dernière écriture ou troncature (mtime)</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Changé le</translation>
    </message>
    <message>
        <source>Last change of the file&apos;s status (ctime)</source>
        <translation>Dernier changement d’état du fichier (ctime)</translation>
    </message>
    <message>
        <source>Holders</source>
        <translation>Détenteurs</translation>
    </message>
    <message>
        <source>Processes that map the object or hold a descriptor to it</source>
        <translation>Processus qui projettent l’objet ou en tiennent un descripteur</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>Orphelin</translation>
    </message>
    <message>
        <source>Nobody maps it or holds it open: it stays until someone removes it. How long since it was last written or changed.</source>
        <translation>Personne ne le projette ni ne le tient ouvert&#xa0;: il reste jusqu’à ce que quelqu’un le supprime. Depuis combien de temps il n’a été ni écrit ni changé.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>orphan, %1</source>
        <translation>orphelin, %1</translation>
    </message>
    <message>
        <source>File %1 of /dev/shm, inode %2</source>
        <translation>Fichier %1 de /dev/shm, inode %2</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Afficher l&apos;aide sur les options de la ligne de commande.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Afficher l&apos;aide, options propres à Qt comprises.</translation>
    </message>
</context>
<context>
    <name>QueueBrowser</name>
    <message>
        <source>Filter: key, msqid, owner or any text (Ctrl+F)</source>
        <translation>Filtrer&#xa0;: clé, msqid, propriétaire ou tout texte (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New Queue…</source>
        <translation>&amp;Nouvelle file de messages…</translation>
    </message>
    <message>
        <source>Create a message queue (msgget)</source>
        <translation>Créer une file de messages (msgget)</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Envoyer…</translation>
    </message>
    <message>
        <source>Send a message to the queue (msgsnd, IPC_NOWAIT)</source>
        <translation>Envoyer un message dans la file (msgsnd, IPC_NOWAIT)</translation>
    </message>
    <message>
        <source>Re&amp;ceive…</source>
        <translation>Re&amp;cevoir…</translation>
    </message>
    <message>
        <source>Take one message out of the queue (msgrcv, IPC_NOWAIT)</source>
        <translation>Retirer un message de la file (msgrcv, IPC_NOWAIT)</translation>
    </message>
    <message>
        <source>Change &amp;Mode…</source>
        <translation>Changer les &amp;droits…</translation>
    </message>
    <message>
        <source>Change the queue&apos;s permission bits (IPC_SET)</source>
        <translation>Changer les droits d&apos;accès de la file (IPC_SET)</translation>
    </message>
    <message>
        <source>Change O&amp;wner and Group…</source>
        <translation>Changer le &amp;propriétaire et le groupe…</translation>
    </message>
    <message>
        <source>Change the queue&apos;s owner and group (IPC_SET)</source>
        <translation>Changer le propriétaire et le groupe de la file (IPC_SET)</translation>
    </message>
    <message>
        <source>Change Ma&amp;x Bytes…</source>
        <translation>Changer le ma&amp;ximum d&apos;octets…</translation>
    </message>
    <message>
        <source>Change the most bytes the queue may hold (msg_qbytes, IPC_SET)</source>
        <translation>Changer le nombre maximal d&apos;octets que la file peut contenir (msg_qbytes, IPC_SET)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Remove the queue and its messages at once (IPC_RMID); waiters wake with EIDRM</source>
        <translation>Supprimer aussitôt la file et ses messages (IPC_RMID)&#xa0;; les processus en attente se réveillent avec EIDRM</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>&amp;Files de messages</translation>
    </message>
    <message>
        <source>Cannot list message queues: %1</source>
        <translation>Impossible de lister les files de messages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Queues: %1</source>
        <translation>Files de messages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Affichées&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>No queue selected.</source>
        <translation>Aucune file sélectionnée.</translation>
    </message>
    <message>
        <source>%1 (%2), group %3 (%4)</source>
        <translation>%1 (%2), groupe %3 (%4)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 le %2</translation>
    </message>
    <message>
        <source>Message queue %1, key %2%3</source>
        <translation>File de messages %1, clé %2%3</translation>
    </message>
    <message>
        <source> (IPC_PRIVATE)</source>
        <translation> (IPC_PRIVATE)</translation>
    </message>
    <message>
        <source>Mode %1 (%2): %3</source>
        <translation>Droits %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Owner %1; creator %2</source>
        <translation>Propriétaire %1&#xa0;; créateur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n messages, %L1 of %L2 bytes (msg_qbytes)</source>
        <translation>
            <numerusform>%n message, %L1 octets sur %L2 (msg_qbytes)</numerusform>
            <numerusform>%n messages, %L1 octets sur %L2 (msg_qbytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages, %L1 bytes (msg_qbytes unreadable)</source>
        <translation>
            <numerusform>%n message, %L1 octets (msg_qbytes illisible)</numerusform>
            <numerusform>%n messages, %L1 octets (msg_qbytes illisible)</numerusform>
        </translation>
    </message>
    <message>
        <source>Last send: %1. Last receive: %2.</source>
        <translation>Dernier envoi&#xa0;: %1. Dernière réception&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Changed at %1</source>
        <translation>Modifiée le %1</translation>
    </message>
    <message>
        <source>Peeking is not possible on this kernel: %1</source>
        <translation>Ce noyau ne permet pas de consulter les messages sans les retirer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot peek at the messages: %1</source>
        <translation>Impossible de consulter les messages&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>The first %1 of %n messages, peeked (MSG_COPY): the queue is left as it was.</source>
        <translation>
            <numerusform>Les %1 premiers messages sur %n, consultés par copie (MSG_COPY)&#xa0;: la file reste telle quelle.</numerusform>
            <numerusform>Les %1 premiers messages sur %n, consultés par copie (MSG_COPY)&#xa0;: la file reste telle quelle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages, peeked (MSG_COPY): the queue is left as it was.</source>
        <translation>
            <numerusform>%n message, consulté par copie (MSG_COPY)&#xa0;: la file reste telle quelle.</numerusform>
            <numerusform>%n messages, consultés par copie (MSG_COPY)&#xa0;: la file reste telle quelle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Message %1: type %2, %n bytes</source>
        <translation>
            <numerusform>Message %1&#xa0;: type %2, %n octet</numerusform>
            <numerusform>Message %1&#xa0;: type %2, %n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>No message selected.</source>
        <translation>Aucun message sélectionné.</translation>
    </message>
    <message>
        <source>Message queue %1 no longer exists: it was removed by someone else.</source>
        <translation>La file de messages %1 n&apos;existe plus&#xa0;: quelqu&apos;un d&apos;autre l&apos;a supprimée.</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1&#xa0;: fait.</translation>
    </message>
    <message>
        <source>Remove queue</source>
        <translation>Suppression de la file</translation>
    </message>
    <message>
        <source>Change mode</source>
        <translation>Changement de droits</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>Changement de propriétaire</translation>
    </message>
    <message>
        <source>Change max bytes</source>
        <translation>Changement du maximum d&apos;octets</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Réception</translation>
    </message>
    <message numerus="yes">
        <source>Received from queue %1: a message of type %2 with %n bytes; it is no longer in the queue.</source>
        <translation>
            <numerusform>Reçu de la file %1&#xa0;: un message de type %2 de %n octet&#xa0;; il n&apos;est plus dans la file.</numerusform>
            <numerusform>Reçu de la file %1&#xa0;: un message de type %2 de %n octets&#xa0;; il n&apos;est plus dans la file.</numerusform>
        </translation>
    </message>
    <message>
        <source>Received message</source>
        <translation>Message reçu</translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Texte&#xa0;: %1</translation>
    </message>
    <message>
        <source>Hex: %1
Text: %2</source>
        <translation>Hexadécimal&#xa0;: %1
Texte&#xa0;: %2</translation>
    </message>
    <message>
        <source>Created message queue %1.</source>
        <translation>File de messages %1 créée.</translation>
    </message>
    <message>
        <source>Remove message queue %1?</source>
        <translation>Supprimer la file de messages %1&#xa0;?</translation>
    </message>
    <message>
        <source>It holds no message.</source>
        <translation>Elle ne contient aucun message.</translation>
    </message>
    <message numerus="yes">
        <source>Its %n messages are lost with it.</source>
        <translation>
            <numerusform>%n message est perdu avec elle.</numerusform>
            <numerusform>Ses %n messages sont perdus avec elle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removal is immediate: processes waiting in msgsnd or msgrcv on it wake with EIDRM (identifier removed).</source>
        <translation>La suppression est immédiate&#xa0;: les processus qui y attendent dans msgsnd ou msgrcv se réveillent avec EIDRM (identifiant supprimé).</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>%1 in msgsnd</source>
        <translation>%1 dans msgsnd</translation>
    </message>
    <message>
        <source>%1 in msgrcv</source>
        <translation>%1 dans msgrcv</translation>
    </message>
    <message>
        <source>No process waits on it now.</source>
        <translation>Aucun processus n&apos;y est en attente en ce moment.</translation>
    </message>
    <message>
        <source>Waiting on it now: %1.</source>
        <translation>En attente en ce moment&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n other processes could not be looked at (reading their threads is not permitted): they may wait too.</source>
        <translation>
            <numerusform>%n autre processus n&apos;a pas pu être examiné (la lecture de ses threads n&apos;est pas permise)&#xa0;: il est peut-être aussi en attente.</numerusform>
            <numerusform>%n autres processus n&apos;ont pas pu être examinés (la lecture de leurs threads n&apos;est pas permise)&#xa0;: ils sont peut-être aussi en attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change mode of message queue %1</source>
        <translation>Changer les droits de la file de messages %1</translation>
    </message>
    <message>
        <source>Change owner of message queue %1</source>
        <translation>Changer le propriétaire de la file de messages %1</translation>
    </message>
    <message>
        <source>Sent a message to queue %1.</source>
        <translation>Message envoyé dans la file %1.</translation>
    </message>
</context>
<context>
    <name>QueueMaxBytesDialog</name>
    <message>
        <source>Change the maximum bytes of queue %1</source>
        <translation>Changer le maximum d&apos;octets de la file %1</translation>
    </message>
    <message>
        <source>&amp;Most bytes (msg_qbytes):</source>
        <translation>&amp;Maximum d&apos;octets (msg_qbytes)&#xa0;:</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Actuellement&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%1 messages, %L2 bytes</source>
        <translation>
            <numerusform>%1 message, %L2 octets</numerusform>
            <numerusform>%1 messages, %L2 octets</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Changer</translation>
    </message>
    <message>
        <source>This is above MSGMNB (%L1 bytes, /proc/sys/kernel/msgmnb): raising a queue past it needs privilege (CAP_SYS_RESOURCE), or the kernel refuses.</source>
        <translation>Cette valeur dépasse MSGMNB (%L1 octets, /proc/sys/kernel/msgmnb)&#xa0;: monter une file au-delà demande un privilège (CAP_SYS_RESOURCE), sinon le noyau refuse.</translation>
    </message>
    <message>
        <source>Up to MSGMNB (%L1 bytes), the queue&apos;s owner may set it; above needs privilege (CAP_SYS_RESOURCE).</source>
        <translation>Jusqu&apos;à MSGMNB (%L1 octets), le propriétaire de la file peut le fixer&#xa0;; au-delà, il faut un privilège (CAP_SYS_RESOURCE).</translation>
    </message>
    <message>
        <source>Most bytes: %1</source>
        <translation>Maximum d&apos;octets&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>QueueMessagesModel</name>
    <message numerus="yes">
        <source>%L1 bytes; all of them are in the view beside the list</source>
        <translation>
            <numerusform>%L1 octet, visible en entier dans la vue à côté de la liste</numerusform>
            <numerusform>%L1 octets, tous visibles dans la vue à côté de la liste</numerusform>
        </translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Bytes (hex)</source>
        <translation>Octets (hexa)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>The message&apos;s place in the queue, 0 first (what MSG_COPY takes)</source>
        <translation>La place du message dans la file, à partir de 0 (ce que prend MSG_COPY)</translation>
    </message>
    <message>
        <source>The message&apos;s type (mtype), 1 or more</source>
        <translation>Le type du message (mtype), 1 ou plus</translation>
    </message>
    <message>
        <source>The message&apos;s bytes (mtext), without the type</source>
        <translation>Le nombre d&apos;octets du message (mtext), sans le type</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <source>IPC_PRIVATE: a queue without a key</source>
        <translation>IPC_PRIVATE&#xa0;: une file sans clé</translation>
    </message>
    <message>
        <source>Key %1 (decimal %2)</source>
        <translation>Clé %1 (décimal %2)</translation>
    </message>
    <message>
        <source>Owner uid %1 (%2), gid %3 (%4)
Creator uid %5 (%6), gid %7 (%8)</source>
        <translation>Propriétaire uid %1 (%2), gid %3 (%4)
Créateur uid %5 (%6), gid %7 (%8)</translation>
    </message>
    <message numerus="yes">
        <source>The queue holds at most %L1 bytes of messages (msg_qbytes)</source>
        <translation>
            <numerusform>La file contient au plus %L1 octet de messages (msg_qbytes)</numerusform>
            <numerusform>La file contient au plus %L1 octets de messages (msg_qbytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>msg_qbytes could not be read: it needs read permission on the queue (IPC_STAT)</source>
        <translation>Impossible de lire msg_qbytes&#xa0;: il faut le droit de lecture sur la file (IPC_STAT)</translation>
    </message>
    <message>
        <source>Process %1 has exited</source>
        <translation>Le processus %1 s&apos;est terminé</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>msqid</source>
        <translation>msqid</translation>
    </message>
    <message>
        <source>Perms</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Max bytes</source>
        <translation>Octets max.</translation>
    </message>
    <message>
        <source>Last sender</source>
        <translation>Dernier expéditeur</translation>
    </message>
    <message>
        <source>Last receiver</source>
        <translation>Dernier récepteur</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>The key given to msgget (0 for private queues)</source>
        <translation>La clé passée à msgget (0 pour les files privées)</translation>
    </message>
    <message>
        <source>Messages in the queue now (msg_qnum)</source>
        <translation>Messages actuellement dans la file (msg_qnum)</translation>
    </message>
    <message>
        <source>Bytes of the messages in the queue now (msg_cbytes)</source>
        <translation>Octets des messages actuellement dans la file (msg_cbytes)</translation>
    </message>
    <message>
        <source>The most bytes the queue may hold (msg_qbytes)</source>
        <translation>Le nombre maximal d&apos;octets que la file peut contenir (msg_qbytes)</translation>
    </message>
    <message>
        <source>Process of the last msgsnd (msg_lspid)</source>
        <translation>Processus du dernier msgsnd (msg_lspid)</translation>
    </message>
    <message>
        <source>Process of the last msgrcv (msg_lrpid)</source>
        <translation>Processus du dernier msgrcv (msg_lrpid)</translation>
    </message>
    <message>
        <source>Time of the last msgsnd (msg_stime)</source>
        <translation>Date du dernier msgsnd (msg_stime)</translation>
    </message>
    <message>
        <source>Time of the last msgrcv (msg_rtime)</source>
        <translation>Date du dernier msgrcv (msg_rtime)</translation>
    </message>
    <message>
        <source>Time of creation or of the last IPC_SET (msg_ctime)</source>
        <translation>Date de la création ou du dernier IPC_SET (msg_ctime)</translation>
    </message>
</context>
<context>
    <name>RaceWindow</name>
    <message>
        <source>Race demo: children adding 1 to one shared int</source>
        <translation>Démonstration de situation de compétition&#xa0;: des fils ajoutent 1 à un même int partagé</translation>
    </message>
    <message>
        <source>Stop the children, remove the semaphore set and the segment, and start again.</source>
        <translation>Arrêter les fils, supprimer l&apos;ensemble de sémaphores et le segment, et reprendre la leçon au début.</translation>
    </message>
    <message>
        <source>The shared counter</source>
        <translation>Le compteur partagé</translation>
    </message>
    <message>
        <source>*counter, read by the window (the parent) through its attachment.</source>
        <translation>*counter, lu par la fenêtre (le père) à travers son attachement.</translation>
    </message>
    <message>
        <source>the counter</source>
        <translation>le compteur</translation>
    </message>
    <message>
        <source>the ideal: increments done</source>
        <translation>l&apos;idéal&#xa0;: incréments effectués</translation>
    </message>
    <message>
        <source>The counter over the last seconds beside the increments the children did: the gap is the updates lost.</source>
        <translation>Le compteur au cours des dernières secondes, à côté des incréments effectués par les fils&#xa0;: l&apos;écart correspond aux mises à jour perdues.</translation>
    </message>
    <message>
        <source>Predict, then run</source>
        <translation>Prédire, puis lancer</translation>
    </message>
    <message>
        <source>your prediction of the total</source>
        <translation>votre prédiction du total</translation>
    </message>
    <message>
        <source>What will the counter read once every child is reaped? Type it before each run: the result is shown beside it.</source>
        <translation>Quelle valeur le compteur affichera-t-il une fois tous les fils récupérés&#xa0;? Tapez-la avant chaque lancement&#xa0;: le résultat s&apos;affiche à côté.</translation>
    </message>
    <message>
        <source>Run this &amp;variant</source>
        <translation>Lancer cette &amp;variante</translation>
    </message>
    <message>
        <source>Fork the children and let them count, outside the steps.</source>
        <translation>Créer les fils par fork et les laisser compter, en dehors des étapes.</translation>
    </message>
    <message>
        <source>Children:</source>
        <translation>Fils&#xa0;:</translation>
    </message>
    <message>
        <source>increments each:</source>
        <translation>incréments chacun&#xa0;:</translation>
    </message>
    <message>
        <source>Your prediction:</source>
        <translation>Votre prédiction&#xa0;:</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Children × increments</source>
        <translation>Fils × incréments</translation>
    </message>
    <message>
        <source>Your prediction</source>
        <translation>Votre prédiction</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdues</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Durée (ms)</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>père</translation>
    </message>
    <message>
        <source>child %1</source>
        <translation>fils %1</translation>
    </message>
    <message>
        <source>children</source>
        <translation>fils</translation>
    </message>
    <message>
        <source>(*counter)++ alone</source>
        <translation>(*counter)++ seul</translation>
    </message>
    <message>
        <source>between semop P and V</source>
        <translation>entre semop P et V</translation>
    </message>
    <message>
        <source>__atomic_fetch_add</source>
        <translation>__atomic_fetch_add</translation>
    </message>
    <message>
        <source>&lt;b&gt;shmget&lt;/b&gt; made a private segment of %1 bytes: the counter, then each child&apos;s progress (how many increments it did), which this window shows. &lt;i&gt;A guard process (pid %2) was forked first: it removes what the lesson made if this program dies, even by kill -9.&lt;/i&gt;</source>
        <translation>&lt;b&gt;shmget&lt;/b&gt; a créé un segment privé de %1 octets&#xa0;: le compteur, puis la progression de chaque fils (combien d&apos;incréments il a faits), que cette fenêtre affiche. &lt;i&gt;Un processus gardien (pid %2) a d&apos;abord été créé par fork&#xa0;: il supprime ce que la leçon a créé si ce programme meurt, même par kill -9.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;shmat&lt;/b&gt; mapped the segment into the parent. Every child forked from now on inherits the attachment: they all share one &lt;code&gt;int counter&lt;/code&gt;.</source>
        <translation>&lt;b&gt;shmat&lt;/b&gt; a projeté le segment dans le père. Chaque fils créé par fork à partir de maintenant hérite de l&apos;attachement&#xa0;: ils partagent tous un même &lt;code&gt;int counter&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>= 0 (marked)</source>
        <translation>= 0 (marqué)</translation>
    </message>
    <message>
        <source>&lt;b&gt;shmctl(IPC_RMID)&lt;/b&gt; at once: the parent is attached, and fork hands the attachment on, so the segment lives until the last of them detaches, and nothing is left if the program is killed.</source>
        <translation>&lt;b&gt;shmctl(IPC_RMID)&lt;/b&gt; tout de suite&#xa0;: le père est attaché, et fork transmet l&apos;attachement, si bien que le segment vit jusqu&apos;à ce que le dernier d&apos;entre eux se détache, et que rien ne reste si le programme est tué.</translation>
    </message>
    <message>
        <source>&lt;b&gt;semget&lt;/b&gt; made a set of one semaphore. Its value is &lt;b&gt;0&lt;/b&gt; on Linux, and POSIX does not even promise that: a P on it now would wait forever. It must be initialised. A set cannot be marked for removal: the guard removes it if this program dies.</source>
        <translation>&lt;b&gt;semget&lt;/b&gt; a créé un ensemble d&apos;un seul sémaphore. Sa valeur est &lt;b&gt;0&lt;/b&gt; sous Linux, et POSIX ne le promet même pas&#xa0;: un P sur lui maintenant attendrait pour toujours. Il faut l&apos;initialiser. Un ensemble ne peut pas être marqué pour destruction&#xa0;: le gardien le supprime si ce programme meurt.</translation>
    </message>
    <message>
        <source>= 0 (value 1)</source>
        <translation>= 0 (valeur 1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;semctl(SETVAL, 1)&lt;/b&gt;: one child at a time may pass. The fourth argument is a &lt;code&gt;union semun&lt;/code&gt; that the program must declare itself (&lt;code&gt;arg.val = 1&lt;/code&gt;); passing a bare int works on some machines only.</source>
        <translation>&lt;b&gt;semctl(SETVAL, 1)&lt;/b&gt;&#xa0;: un seul fils à la fois peut passer. Le quatrième argument est une &lt;code&gt;union semun&lt;/code&gt; que le programme doit déclarer lui-même (&lt;code&gt;arg.val = 1&lt;/code&gt;)&#xa0;; passer un simple int ne fonctionne que sur certaines machines.</translation>
    </message>
    <message>
        <source>= 0 (removed)</source>
        <translation>= 0 (supprimé)</translation>
    </message>
    <message>
        <source>&lt;b&gt;semctl(IPC_RMID)&lt;/b&gt; removes the set at once (a process still waiting on it would wake with EIDRM): every child has been reaped, so none is.</source>
        <translation>&lt;b&gt;semctl(IPC_RMID)&lt;/b&gt; supprime l&apos;ensemble immédiatement (un processus qui l&apos;attendrait encore se réveillerait avec EIDRM)&#xa0;: tous les fils ont été récupérés, donc aucun n&apos;attend.</translation>
    </message>
    <message>
        <source>the segment is still there (nattch %1)</source>
        <translation>le segment est toujours là (nattch %1)</translation>
    </message>
    <message>
        <source>= 0 (segment destroyed)</source>
        <translation>= 0 (segment détruit)</translation>
    </message>
    <message>
        <source>The parent detached: nattch reached 0 and the marked segment is gone. &lt;code&gt;ipcs&lt;/code&gt; shows nothing of the lesson. Reset to play it again.</source>
        <translation>Le père s&apos;est détaché&#xa0;: nattch est tombé à 0 et le segment marqué a disparu. &lt;code&gt;ipcs&lt;/code&gt; ne montre plus rien de la leçon. Réinitialiser pour la rejouer.</translation>
    </message>
    <message>
        <source>reg = %1</source>
        <translation>reg = %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;The window plays two children&apos;s instructions on the real counter, in the order that loses an update.&lt;/i&gt;&lt;br&gt;&lt;b&gt;Child 1 loads&lt;/b&gt; the counter into a register: it reads &lt;b&gt;%1&lt;/b&gt;. &lt;code&gt;(*counter)++&lt;/code&gt; is three instructions: load, add, store. Nothing stops another child between them.</source>
        <translation>&lt;i&gt;La fenêtre joue les instructions de deux fils sur le vrai compteur, dans l&apos;ordre qui perd une mise à jour.&lt;/i&gt;&lt;br&gt;&lt;b&gt;Le fils 1 charge&lt;/b&gt; le compteur dans un registre&#xa0;: il lit &lt;b&gt;%1&lt;/b&gt;. &lt;code&gt;(*counter)++&lt;/code&gt; se compose de trois instructions&#xa0;: chargement, addition, écriture. Rien n&apos;empêche un autre fils de s&apos;intercaler entre elles.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Child 2 loads&lt;/b&gt; the counter before child 1 stored: it reads &lt;b&gt;%1&lt;/b&gt; too. Both now hold the same value in their registers.</source>
        <translation>&lt;b&gt;Le fils 2 charge&lt;/b&gt; le compteur avant que le fils 1 ait écrit&#xa0;: il lit &lt;b&gt;%1&lt;/b&gt;, lui aussi. Tous deux ont maintenant la même valeur dans leurs registres.</translation>
    </message>
    <message>
        <source>counter = %1</source>
        <translation>counter = %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Child 1 adds 1 and stores %1.&lt;/b&gt; So far so good.</source>
        <translation>&lt;b&gt;Le fils 1 ajoute 1 et écrit %1.&lt;/b&gt; Jusqu&apos;ici, tout va bien.</translation>
    </message>
    <message>
        <source>counter = %1: one update lost</source>
        <translation>counter = %1&#xa0;: une mise à jour perdue</translation>
    </message>
    <message>
        <source>&lt;b&gt;Child 2 adds 1 to its stale %1 and stores %2&lt;/b&gt; over child 1&apos;s %2. Two increments, and the counter went up by one: &lt;b&gt;an update is lost&lt;/b&gt;. With millions of increments on two cores this happens all the time. Next: the real children. &lt;b&gt;Predict&lt;/b&gt; their total below first.</source>
        <translation>&lt;b&gt;Le fils 2 ajoute 1 à sa valeur périmée %1 et écrit %2&lt;/b&gt; par-dessus le %2 du fils 1. Deux incréments, et le compteur n&apos;a augmenté que de un&#xa0;: &lt;b&gt;une mise à jour est perdue&lt;/b&gt;. Avec des millions d&apos;incréments sur deux cœurs, cela arrive sans cesse. Ensuite&#xa0;: les vrais fils. &lt;b&gt;Prédisez&lt;/b&gt; d&apos;abord leur total ci-dessous.</translation>
    </message>
    <message numerus="yes">
        <source>%n children</source>
        <translation>
            <numerusform>%n fils</numerusform>
            <numerusform>%n fils</numerusform>
        </translation>
    </message>
    <message>
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 children&lt;/b&gt; run &lt;code&gt;(*counter)++&lt;/code&gt; %2 times each, at the same time (they were released together). Without lost updates the total would be &lt;b&gt;%3&lt;/b&gt;; you predicted &lt;b&gt;%4&lt;/b&gt;. Watch the counter fall behind the ideal.</source>
        <translation>&lt;b&gt;%1 fils&lt;/b&gt; exécutent &lt;code&gt;(*counter)++&lt;/code&gt; %2 fois chacun, en même temps (ils ont été libérés ensemble). Sans mise à jour perdue, le total serait &lt;b&gt;%3&lt;/b&gt;&#xa0;; votre prédiction&#xa0;: &lt;b&gt;%4&lt;/b&gt;. Regardez le compteur prendre du retard sur l&apos;idéal.</translation>
    </message>
    <message>
        <source>Each child now takes the semaphore before it increments and gives it back after: &lt;code&gt;semop(semid, &amp;amp;P, 1)&lt;/code&gt; with &lt;code&gt;sem_op = -1&lt;/code&gt;, the increment, &lt;code&gt;semop&lt;/code&gt; with &lt;code&gt;+1&lt;/code&gt;. A child that finds it at 0 waits: that is &lt;b&gt;ncnt&lt;/b&gt;. &lt;b&gt;SEM_UNDO&lt;/b&gt;: if a child dies holding it, the kernel gives it back, else the others would wait forever. You predicted &lt;b&gt;%1&lt;/b&gt; (ideal %2).</source>
        <translation>Chaque fils prend maintenant le sémaphore avant d&apos;incrémenter et le rend après&#xa0;: &lt;code&gt;semop(semid, &amp;amp;P, 1)&lt;/code&gt; avec &lt;code&gt;sem_op = -1&lt;/code&gt;, l&apos;incrément, puis &lt;code&gt;semop&lt;/code&gt; avec &lt;code&gt;+1&lt;/code&gt;. Un fils qui le trouve à 0 attend&#xa0;: c&apos;est &lt;b&gt;ncnt&lt;/b&gt;. &lt;b&gt;SEM_UNDO&lt;/b&gt;&#xa0;: si un fils meurt en le détenant, le noyau le rend, sinon les autres attendraient pour toujours. Votre prédiction&#xa0;: &lt;b&gt;%1&lt;/b&gt; (idéal %2).</translation>
    </message>
    <message>
        <source>&lt;code&gt;__atomic_fetch_add&lt;/code&gt; makes load, add and store one indivisible instruction (&lt;code&gt;lock add&lt;/code&gt; on x86): no system call, no waiting in the kernel. You predicted &lt;b&gt;%1&lt;/b&gt; (ideal %2).</source>
        <translation>&lt;code&gt;__atomic_fetch_add&lt;/code&gt; fait du chargement, de l&apos;addition et de l&apos;écriture une seule instruction indivisible (&lt;code&gt;lock add&lt;/code&gt; sur x86)&#xa0;: pas d&apos;appel système, pas d&apos;attente dans le noyau. Votre prédiction&#xa0;: &lt;b&gt;%1&lt;/b&gt; (idéal %2).</translation>
    </message>
    <message>
        <source>You made no prediction.</source>
        <translation>Vous n&apos;avez fait aucune prédiction.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your prediction was right.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Votre prédiction était juste.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>You predicted %L1: off by %L2.</source>
        <translation>Vous aviez prédit %L1&#xa0;: écart de %L2.</translation>
    </message>
    <message>
        <source>A child did not finish: the total is not the run&apos;s.</source>
        <translation>Un fils n&apos;a pas terminé&#xa0;: le total n&apos;est pas celui du lancement.</translation>
    </message>
    <message>
        <source>%L1 updates were lost: the children&apos;s loads and stores interleaved.</source>
        <translation>Mises à jour perdues&#xa0;: %L1&#xa0;; les chargements et les écritures des fils se sont entremêlés.</translation>
    </message>
    <message>
        <source>No update was lost this time: the children did not overlap (a busy machine may run them one after the other). Try more increments or children.</source>
        <translation>Aucune mise à jour n&apos;a été perdue cette fois&#xa0;: les fils ne se sont pas chevauchés (une machine chargée peut les exécuter l&apos;un après l&apos;autre). Essayez avec plus d&apos;incréments ou de fils.</translation>
    </message>
    <message>
        <source>Exact: no update was lost.</source>
        <translation>Exact&#xa0;: aucune mise à jour n&apos;a été perdue.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The counter reads %L1&lt;/b&gt; after every child was reaped (read it before wait, and you would see a count still going up). %2 %3 Time: %4 ms.</source>
        <translation>&lt;b&gt;Le compteur vaut %L1&lt;/b&gt; une fois tous les fils récupérés (lu avant wait, il aurait montré un compte encore en train de monter). %2 %3 Durée&#xa0;: %4 ms.</translation>
    </message>
    <message>
        <source>total %L1, %L2 lost (%3 ms)</source>
        <translation>total %L1, %L2 perdues (%3 ms)</translation>
    </message>
    <message>
        <source>total %L1, exact (%2 ms)</source>
        <translation>total %L1, exact (%2 ms)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your prediction first.&lt;/b&gt; What will the counter read after this run? Type it below, then press Run again.</source>
        <translation>&lt;b&gt;D&apos;abord votre prédiction.&lt;/b&gt; Quelle valeur le compteur affichera-t-il après ce lancement&#xa0;? Tapez-la ci-dessous, puis appuyez de nouveau sur Lancer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lesson&lt;/b&gt;: N children each add 1 to a shared int M times. With a plain &lt;code&gt;(*counter)++&lt;/code&gt; the total comes out &lt;b&gt;below N × M&lt;/b&gt;: two children load the same value and one update is lost. A semaphore makes it exact; an atomic increment too, for less.&lt;br&gt;Press &lt;b&gt;Step&lt;/b&gt; to play one call at a time, &lt;b&gt;Run&lt;/b&gt; to play them all, or type a prediction below and run a variant.</source>
        <translation>&lt;b&gt;La leçon&lt;/b&gt;&#xa0;: N fils ajoutent chacun M fois 1 à un int partagé. Avec un simple &lt;code&gt;(*counter)++&lt;/code&gt;, le total obtenu est &lt;b&gt;inférieur à N × M&lt;/b&gt;&#xa0;: deux fils chargent la même valeur et une mise à jour est perdue. Un sémaphore rend le total exact&#xa0;; un incrément atomique aussi, pour moins cher.&lt;br&gt;Appuyez sur &lt;b&gt;Avancer&lt;/b&gt; pour exécuter un appel à la fois, sur &lt;b&gt;Lancer&lt;/b&gt; pour les exécuter tous, ou tapez une prédiction ci-dessous et lancez une variante.</translation>
    </message>
    <message>
        <source>child %1: %v</source>
        <translation>fils %1&#xa0;: %v</translation>
    </message>
    <message>
        <source>ideal &lt;b&gt;%L1&lt;/b&gt; · lost so far &lt;b&gt;%L2&lt;/b&gt;</source>
        <translation>idéal &lt;b&gt;%L1&lt;/b&gt; · perdues jusqu&apos;ici &lt;b&gt;%L2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No segment yet.</source>
        <translation>Pas encore de segment.</translation>
    </message>
    <message>
        <source>Parent pid %1 · segment shmid %2</source>
        <translation>Père&#xa0;: pid %1 · segment&#xa0;: shmid %2</translation>
    </message>
    <message>
        <source> · nattch &lt;b&gt;%1&lt;/b&gt;%2</source>
        <translation> · nattch &lt;b&gt;%1&lt;/b&gt;%2</translation>
    </message>
    <message>
        <source> · marked for removal</source>
        <translation> · marqué pour destruction</translation>
    </message>
    <message>
        <source> · &lt;b&gt;not marked yet&lt;/b&gt;</source>
        <translation> · &lt;b&gt;pas encore marqué&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · destroyed</source>
        <translation> · détruit</translation>
    </message>
    <message>
        <source>No semaphore yet.</source>
        <translation>Pas encore de sémaphore.</translation>
    </message>
    <message>
        <source>Semaphore semid %1: value &lt;b&gt;%2&lt;/b&gt; · waiting (ncnt) &lt;b&gt;%3&lt;/b&gt; · last semop by pid %4</source>
        <translation>Sémaphore semid %1&#xa0;: valeur &lt;b&gt;%2&lt;/b&gt; · en attente (ncnt) &lt;b&gt;%3&lt;/b&gt; · dernier semop par le pid %4</translation>
    </message>
    <message>
        <source>Pau&amp;se</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message numerus="yes">
        <source>%n children counting.</source>
        <translation>
            <numerusform>%n fils compte.</numerusform>
            <numerusform>%n fils comptent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Free runs. Reset to play the lesson&apos;s steps again.</source>
        <translation>Lancements libres. Réinitialiser pour rejouer les étapes de la leçon.</translation>
    </message>
    <message>
        <source>The lesson is complete.</source>
        <translation>La leçon est terminée.</translation>
    </message>
    <message>
        <source>Step %1 of %2 next: type your prediction first.</source>
        <translation>Prochaine étape&#xa0;: %1 sur %2&#xa0;; tapez d&apos;abord votre prédiction.</translation>
    </message>
    <message>
        <source>Step %1 of %2 next.</source>
        <translation>Prochaine étape&#xa0;: %1 sur %2.</translation>
    </message>
</context>
<context>
    <name>ReceiveMessageDialog</name>
    <message>
        <source>Receive a message from queue %1</source>
        <translation>Recevoir un message de la file %1</translation>
    </message>
    <message>
        <source>Receiving takes the message out of the queue: the program that waits for it will not get it.</source>
        <translation>Recevoir retire le message de la file&#xa0;: le programme qui l&apos;attend ne l&apos;aura pas.</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>0: the first message. N &gt; 0: the first message of type N. -N: the first message of the lowest type, up to N.</source>
        <translation>0&#xa0;: le premier message. N &gt; 0&#xa0;: le premier message de type N. -N&#xa0;: le premier message du plus petit type, jusqu&apos;à N.</translation>
    </message>
    <message>
        <source>Received with IPC_NOWAIT: when no message fits, nothing is waited for.</source>
        <translation>Réception avec IPC_NOWAIT&#xa0;: si aucun message ne convient, rien n&apos;est attendu.</translation>
    </message>
    <message>
        <source>&amp;Take Message</source>
        <translation>&amp;Retirer le message</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Type&#xa0;: %1</translation>
    </message>
    <message>
        <source>Takes the first message in the queue.</source>
        <translation>Retire le premier message de la file.</translation>
    </message>
    <message>
        <source>Takes the first message of type %1.</source>
        <translation>Retire le premier message de type %1.</translation>
    </message>
    <message>
        <source>Takes the first message of the lowest type from 1 to %1.</source>
        <translation>Retire le premier message du plus petit type compris entre 1 et %1.</translation>
    </message>
    <message>
        <source>No message in the queue fits now.</source>
        <translation>Aucun message de la file ne convient en ce moment.</translation>
    </message>
    <message numerus="yes">
        <source>Now that is message %1: type %2, %n bytes, &quot;%3&quot;.</source>
        <translation>
            <numerusform>Pour l&apos;instant, c&apos;est le message %1&#xa0;: type %2, %n octet, «&#xa0;%3&#xa0;».</numerusform>
            <numerusform>Pour l&apos;instant, c&apos;est le message %1&#xa0;: type %2, %n octets, «&#xa0;%3&#xa0;».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>%1 (float)</source>
        <translation>%1 (float)</translation>
    </message>
    <message>
        <source>%1 (double)</source>
        <translation>%1 (double)</translation>
    </message>
    <message>
        <source>Little endian</source>
        <translation>Petit-boutiste</translation>
    </message>
    <message>
        <source>Big endian</source>
        <translation>Gros-boutiste</translation>
    </message>
    <message>
        <source>Offsets the scan looks at: multiples of the type&apos;s size (as compilers place values), or every offset</source>
        <translation>Positions examinées par la recherche&#xa0;: multiples de la taille du type (comme les compilateurs placent les valeurs), ou toutes les positions</translation>
    </message>
    <message>
        <source>Aligned to its size</source>
        <translation>Alignées sur la taille du type</translation>
    </message>
    <message>
        <source>Every offset</source>
        <translation>Toutes les positions</translation>
    </message>
    <message numerus="yes">
        <source>Every %n bytes</source>
        <translation>
            <numerusform>Par pas de %n octet</numerusform>
            <numerusform>Par pas de %n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>Value, e.g. 100, -5, 0x64 or 1.5</source>
        <translation>Valeur, par ex. 100, -5, 0x64 ou 1.5</translation>
    </message>
    <message>
        <source>First Scan</source>
        <translation>Première recherche</translation>
    </message>
    <message>
        <source>Every offset of the segment where the value equals this one</source>
        <translation>Toutes les positions du segment où la valeur est égale à celle-ci</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>A changé</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>N&apos;a pas changé</translation>
    </message>
    <message>
        <source>Increased</source>
        <translation>A augmenté</translation>
    </message>
    <message>
        <source>Decreased</source>
        <translation>A diminué</translation>
    </message>
    <message>
        <source>Equals the value</source>
        <translation>Égale à la valeur</translation>
    </message>
    <message>
        <source>Keep the candidates whose value, compared with the previous scan, has changed, stayed, grown, shrunk, or equals the value typed</source>
        <translation>Garder les candidats dont la valeur, par rapport à la recherche précédente, a changé, est restée la même, a augmenté, a diminué, ou est égale à la valeur saisie</translation>
    </message>
    <message>
        <source>Next Scan</source>
        <translation>Recherche suivante</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Forget the candidates, to scan for another value or type</source>
        <translation>Oublier les candidats, pour rechercher une autre valeur ou un autre type</translation>
    </message>
    <message>
        <source>Double-click (or Enter) to select the value in the hex view</source>
        <translation>Double-cliquez (ou Entrée) pour sélectionner la valeur dans la vue hexadécimale</translation>
    </message>
    <message>
        <source>Type the value you see, then First Scan.</source>
        <translation>Tapez la valeur que vous voyez, puis Première recherche.</translation>
    </message>
    <message>
        <source>First scan</source>
        <translation>Première recherche</translation>
    </message>
    <message>
        <source>Next scan</source>
        <translation>Recherche suivante</translation>
    </message>
    <message>
        <source>Another task is running over the memory: wait for it or cancel it (Esc), then scan.</source>
        <translation>Une autre tâche parcourt la mémoire&#xa0;: attendez sa fin ou annulez-la (Esc), puis lancez la recherche.</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Narrowing…</source>
        <translation>Affinage…</translation>
    </message>
    <message>
        <source>Scan cancelled: the candidates are as before.</source>
        <translation>Recherche annulée&#xa0;: les candidats restent ceux d&apos;avant.</translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes could not be read (the page faulted) and were left out.</source>
        <translation>
            <numerusform>%L1 octet n&apos;a pas pu être lu (défaut de page) et a été laissé de côté.</numerusform>
            <numerusform>%L1 octets n&apos;ont pas pu être lus (défaut de page) et ont été laissés de côté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 matches</source>
        <translation>
            <numerusform>%L1 résultat</numerusform>
            <numerusform>%L1 résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>(showing the first %L1; narrow to see the others)</source>
        <translation>(les %L1 premiers sont affichés&#xa0;; affinez pour voir les autres)</translation>
    </message>
</context>
<context>
    <name>ScanResultsModel</name>
    <message>
        <source>Offset %L1</source>
        <translation>Position %L1</translation>
    </message>
    <message>
        <source>This page cannot be read now: reading it faulted.</source>
        <translation>Cette page ne peut pas être lue pour l&apos;instant&#xa0;: sa lecture a provoqué un défaut de page.</translation>
    </message>
    <message>
        <source>Changed since the last scan</source>
        <translation>Modifiée depuis la dernière recherche</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>Valeur actuelle</translation>
    </message>
    <message>
        <source>Previous scan</source>
        <translation>Recherche précédente</translation>
    </message>
</context>
<context>
    <name>SegmentDetailsWidget</name>
    <message>
        <source>Select a segment to see its details.</source>
        <translation>Sélectionnez un segment pour voir ses détails.</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé&#xa0;:</translation>
    </message>
    <message>
        <source>shmid:</source>
        <translation>shmid&#xa0;:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Droits&#xa0;:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Propriétaire&#xa0;:</translation>
    </message>
    <message>
        <source>Creator:</source>
        <translation>Créateur&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Attached:</source>
        <translation>Attachements&#xa0;:</translation>
    </message>
    <message>
        <source>Creator pid:</source>
        <translation>PID du créateur&#xa0;:</translation>
    </message>
    <message>
        <source>Last pid:</source>
        <translation>Dernier PID&#xa0;:</translation>
    </message>
    <message>
        <source>Last attach:</source>
        <translation>Dernier attachement&#xa0;:</translation>
    </message>
    <message>
        <source>Last detach:</source>
        <translation>Dernier détachement&#xa0;:</translation>
    </message>
    <message>
        <source>Last change:</source>
        <translation>Dernière modification&#xa0;:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Mémoire&#xa0;:</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lecture</translation>
    </message>
    <message>
        <source>write</source>
        <translation>écriture</translation>
    </message>
    <message>
        <source>execute</source>
        <translation>exécution</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>owner: %1; group: %2; other: %3</source>
        <translation>propriétaire&#xa0;: %1&#xa0;; groupe&#xa0;: %2&#xa0;; autres&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 (IPC_PRIVATE, or removed)</source>
        <translation>%1 (IPC_PRIVATE, ou supprimé)</translation>
    </message>
    <message>
        <source>%1 (decimal %2)</source>
        <translation>%1 (décimal %2)</translation>
    </message>
    <message>
        <source>%1 (slot %2, sequence %3)</source>
        <translation>%1 (emplacement %2, séquence %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%L2 bytes)</source>
        <translation>
            <numerusform>%1 (%L2 octet)</numerusform>
            <numerusform>%1 (%L2 octets)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (uid %2), group %3 (gid %4)</source>
        <translation>%1 (uid %2), groupe %3 (gid %4)</translation>
    </message>
    <message>
        <source> — the current owner</source>
        <translation> — le propriétaire actuel</translation>
    </message>
    <message>
        <source> — the owner was changed since creation</source>
        <translation> — le propriétaire a changé depuis la création</translation>
    </message>
    <message>
        <source>Marked for destruction: it lives until the last process detaches.</source>
        <translation>Marqué pour destruction&#xa0;: il vit jusqu&apos;au détachement du dernier processus.</translation>
    </message>
    <message>
        <source>Locked in memory (SHM_LOCK): never swapped out.</source>
        <translation>Verrouillé en mémoire (SHM_LOCK)&#xa0;: jamais envoyé dans l&apos;espace d&apos;échange.</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>%1 (nattch)</source>
        <translation>%1 (nattch)</translation>
    </message>
    <message>
        <source>%1 resident, %2 swapped out</source>
        <translation>%1 résident, %2 en swap</translation>
    </message>
    <message>
        <source>No process of this namespace has it attached.</source>
        <translation>Aucun processus de cet espace de noms ne l&apos;a attaché.</translation>
    </message>
    <message>
        <source>Attachments (from /proc/PID/maps): %1</source>
        <translation>Attachements (d&apos;après /proc/PID/maps)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Orphan: nobody attaches it and its creator is gone; unused for %1. Nothing will remove it but someone who asks.</source>
        <translation>Orphelin&#xa0;: personne ne l’attache et son créateur est parti&#xa0;; inutilisé depuis %1. Rien ne le supprimera sauf quelqu’un qui le demande.</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>dest</source>
        <translation>dest</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>IPC_PRIVATE, or the key of a segment marked for removal</source>
        <translation>IPC_PRIVATE, ou la clé d&apos;un segment marqué pour destruction</translation>
    </message>
    <message>
        <source>Key %1 (decimal %2)</source>
        <translation>Clé %1 (décimal %2)</translation>
    </message>
    <message>
        <source>Owner uid %1 (%2), gid %3 (%4)
Creator uid %5 (%6), gid %7 (%8)</source>
        <translation>Propriétaire uid %1 (%2), gid %3 (%4)
Créateur uid %5 (%6), gid %7 (%8)</translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes</source>
        <translation>
            <numerusform>%L1 octet</numerusform>
            <numerusform>%L1 octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes resident</source>
        <translation>
            <numerusform>%L1 octet résident</numerusform>
            <numerusform>%L1 octets résidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes swapped out</source>
        <translation>
            <numerusform>%L1 octet en swap</numerusform>
            <numerusform>%L1 octets en swap</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked for destruction: it goes when the last process detaches.</source>
        <translation>Marqué pour destruction&#xa0;: il disparaît quand le dernier processus se détache.</translation>
    </message>
    <message>
        <source>Locked in memory: never swapped out.</source>
        <translation>Verrouillé en mémoire&#xa0;: jamais envoyé dans l&apos;espace d&apos;échange.</translation>
    </message>
    <message>
        <source>Process %1 has exited</source>
        <translation>Le processus %1 s&apos;est terminé</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>shmid</source>
        <translation>shmid</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Perms</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Attach.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Créateur</translation>
    </message>
    <message>
        <source>Last pid</source>
        <translation>Dernier PID</translation>
    </message>
    <message>
        <source>Attached at</source>
        <translation>Attaché le</translation>
    </message>
    <message>
        <source>Detached at</source>
        <translation>Détaché le</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>The key given to shmget (0 for private or removed segments)</source>
        <translation>La clé passée à shmget (0 pour les segments privés ou supprimés)</translation>
    </message>
    <message>
        <source>Number of current attachments (nattch)</source>
        <translation>Nombre d&apos;attachements en cours (nattch)</translation>
    </message>
    <message>
        <source>Process that created the segment (cpid)</source>
        <translation>Processus qui a créé le segment (cpid)</translation>
    </message>
    <message>
        <source>Process of the last attach or detach (lpid)</source>
        <translation>Processus du dernier attachement ou détachement (lpid)</translation>
    </message>
    <message>
        <source>Resident memory of the segment</source>
        <translation>Mémoire résidente du segment</translation>
    </message>
    <message>
        <source>Swapped-out memory of the segment</source>
        <translation>Mémoire du segment envoyée dans l&apos;espace d&apos;échange</translation>
    </message>
    <message>
        <source>%1 (exited)</source>
        <translation>%1 (terminé)</translation>
    </message>
    <message>
        <source>dest: marked for destruction; locked: locked in memory; orphan: nobody attaches it and its creator is gone, unused for so long</source>
        <translation>dest&#xa0;: marqué pour destruction&#xa0;; locked&#xa0;: verrouillé en mémoire&#xa0;; orphelin&#xa0;: personne ne l’attache et son créateur est parti, inutilisé depuis tant de temps</translation>
    </message>
    <message>
        <source>orphan, %1</source>
        <translation>orphelin, %1</translation>
    </message>
</context>
<context>
    <name>SemaphoreBrowser</name>
    <message>
        <source>Filter: key, semid, owner or any text (Ctrl+F)</source>
        <translation>Filtrer&#xa0;: clé, semid, propriétaire ou tout texte (Ctrl+F)</translation>
    </message>
    <message>
        <source>Every System V semaphore set of this IPC namespace, refreshed live: its key, semid, permissions, number of semaphores, owner, the times of the last semop and change, the values, and how many processes wait in semop.</source>
        <translation>Tous les ensembles de sémaphores System V de cet espace de noms IPC, actualisés en continu&#xa0;: leur clé, leur semid, leurs droits, leur nombre de sémaphores, leur propriétaire, les dates du dernier semop et de la dernière modification, les valeurs, et le nombre de processus en attente dans semop.</translation>
    </message>
    <message>
        <source>&amp;New Semaphore Set…</source>
        <translation>&amp;Nouvel ensemble de sémaphores…</translation>
    </message>
    <message>
        <source>Create a semaphore set with its initial values (semget)</source>
        <translation>Créer un ensemble de sémaphores avec ses valeurs initiales (semget)</translation>
    </message>
    <message>
        <source>&amp;Operate (P/V)…</source>
        <translation>Effectuer une &amp;opération (P/V)…</translation>
    </message>
    <message>
        <source>Take, give or wait for zero on a semaphore (semop)</source>
        <translation>Prendre, donner ou attendre zéro sur un sémaphore (semop)</translation>
    </message>
    <message>
        <source>Set &amp;Value…</source>
        <translation>Fixer la &amp;valeur…</translation>
    </message>
    <message>
        <source>Set one semaphore&apos;s value (SETVAL)</source>
        <translation>Fixer la valeur d&apos;un sémaphore (SETVAL)</translation>
    </message>
    <message>
        <source>Set &amp;All Values…</source>
        <translation>Fixer &amp;toutes les valeurs…</translation>
    </message>
    <message>
        <source>Set every semaphore&apos;s value (SETALL)</source>
        <translation>Fixer la valeur de chaque sémaphore (SETALL)</translation>
    </message>
    <message>
        <source>Change &amp;Mode…</source>
        <translation>Changer les &amp;droits…</translation>
    </message>
    <message>
        <source>Change O&amp;wner and Group…</source>
        <translation>Changer le &amp;propriétaire et le groupe…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Remove the selected semaphore sets at once (IPC_RMID); waiters wake with EIDRM</source>
        <translation>Supprimer aussitôt les ensembles de sémaphores sélectionnés (IPC_RMID)&#xa0;; les processus en attente se réveillent avec EIDRM</translation>
    </message>
    <message>
        <source>Sema&amp;phores</source>
        <translation>Séma&amp;phores</translation>
    </message>
    <message>
        <source>Cannot list semaphore sets: %1</source>
        <translation>Impossible de lister les ensembles de sémaphores&#xa0;: %1</translation>
    </message>
    <message>
        <source>Semaphore sets: %1</source>
        <translation>Ensembles de sémaphores&#xa0;: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Affichés&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Semaphore set %1 no longer exists: it was removed by someone else.</source>
        <translation>L&apos;ensemble de sémaphores %1 n&apos;existe plus&#xa0;: quelqu&apos;un d&apos;autre l&apos;a supprimé.</translation>
    </message>
    <message numerus="yes">
        <source>%1 failed for %2 of %n semaphore sets:</source>
        <translation>
            <numerusform>%1&#xa0;: échec pour %2 ensemble de sémaphores sur %n&#xa0;:</numerusform>
            <numerusform>%1&#xa0;: échec pour %2 des %n ensembles de sémaphores&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Change mode</source>
        <translation>Changement de droits</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>Changement de propriétaire</translation>
    </message>
    <message>
        <source>Set value</source>
        <translation>Changement de valeur</translation>
    </message>
    <message>
        <source>Set all values</source>
        <translation>Changement de toutes les valeurs</translation>
    </message>
    <message>
        <source>Remove semaphore set %1?</source>
        <translation>Supprimer l&apos;ensemble de sémaphores %1&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n semaphore sets?</source>
        <translation>
            <numerusform>Supprimer %n ensemble de sémaphores&#xa0;?</numerusform>
            <numerusform>Supprimer %n ensembles de sémaphores&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>A set is removed at once: it does not wait for the processes that use it.</source>
        <translation>Un ensemble est supprimé aussitôt&#xa0;: il n&apos;attend pas les processus qui s&apos;en servent.</translation>
    </message>
    <message>
        <source>No process waits on it now.</source>
        <translation>Aucun processus n&apos;y est en attente en ce moment.</translation>
    </message>
    <message>
        <source>Waiting in semop: %1 to take, %2 for zero.</source>
        <translation>En attente dans semop&#xa0;: %1 pour prendre, %2 pour zéro.</translation>
    </message>
    <message>
        <source>Processes: %1.</source>
        <translation>Processus&#xa0;: %1.</translation>
    </message>
    <message>
        <source>They wake up at once, their semop failing with EIDRM (identifier removed).</source>
        <translation>Ils se réveillent aussitôt, et leur semop échoue avec EIDRM (identifiant supprimé).</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Created semaphore set %1.</source>
        <translation>Ensemble de sémaphores %1 créé.</translation>
    </message>
    <message>
        <source>Change mode of semaphore set %1</source>
        <translation>Changer les droits de l&apos;ensemble de sémaphores %1</translation>
    </message>
    <message numerus="yes">
        <source>Change mode of %n semaphore sets</source>
        <translation>
            <numerusform>Changer les droits de %n ensemble de sémaphores</numerusform>
            <numerusform>Changer les droits de %n ensembles de sémaphores</numerusform>
        </translation>
    </message>
    <message>
        <source>Change owner of semaphore set %1</source>
        <translation>Changer le propriétaire de l&apos;ensemble de sémaphores %1</translation>
    </message>
    <message numerus="yes">
        <source>Change owner of %n semaphore sets</source>
        <translation>
            <numerusform>Changer le propriétaire de %n ensemble de sémaphores</numerusform>
            <numerusform>Changer le propriétaire de %n ensembles de sémaphores</numerusform>
        </translation>
    </message>
    <message>
        <source>The set&apos;s undo records (SEM_UNDO) are cleared.</source>
        <translation>Les enregistrements d&apos;annulation (SEM_UNDO) de l&apos;ensemble sont effacés.</translation>
    </message>
    <message>
        <source>Its undo records (SEM_UNDO) are cleared.</source>
        <translation>Ses enregistrements d&apos;annulation (SEM_UNDO) sont effacés.</translation>
    </message>
    <message>
        <source>%1 waiting to take and %2 waiting for zero may wake up and go on.</source>
        <translation>%1 processus en attente pour prendre et %2 en attente de zéro peuvent se réveiller et continuer.</translation>
    </message>
    <message>
        <source>Set the values of semaphore set %1 to %2 (SETALL)?</source>
        <translation>Fixer les valeurs de l&apos;ensemble de sémaphores %1 à %2 (SETALL)&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>&amp;Fixer</translation>
    </message>
    <message>
        <source>Set semaphore %1 of set %2 to %3 (SETVAL)?</source>
        <translation>Fixer le sémaphore %1 de l&apos;ensemble %2 à %3 (SETVAL)&#xa0;?</translation>
    </message>
</context>
<context>
    <name>SemaphoreDetailsWidget</name>
    <message>
        <source>Select a semaphore set to see its semaphores.</source>
        <translation>Sélectionnez un ensemble de sémaphores pour voir ses sémaphores.</translation>
    </message>
    <message numerus="yes">
        <source>Set %1 · key %2 · %n semaphores · mode %3 (%4) · owner %5, group %6 · creator %7, %8</source>
        <translation>
            <numerusform>Ensemble %1 · clé %2 · %n sémaphore · droits %3 (%4) · propriétaire %5, groupe %6 · créateur %7, %8</numerusform>
            <numerusform>Ensemble %1 · clé %2 · %n sémaphores · droits %3 (%4) · propriétaire %5, groupe %6 · créateur %7, %8</numerusform>
        </translation>
    </message>
    <message>
        <source>Last semop: %1 · last change: %2</source>
        <translation>Dernier semop&#xa0;: %1 · dernière modification&#xa0;: %2</translation>
    </message>
    <message>
        <source>The values cannot be read: %1.</source>
        <translation>Impossible de lire les valeurs&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No process waits on this set.</source>
        <translation>Aucun processus n&apos;est en attente sur cet ensemble.</translation>
    </message>
    <message numerus="yes">
        <source>%n processes wait on this set (which ones, /proc does not tell us).</source>
        <translation>
            <numerusform>%n processus est en attente sur cet ensemble (/proc ne dit pas lequel).</numerusform>
            <numerusform>%n processus sont en attente sur cet ensemble (/proc ne dit pas lesquels).</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting in semop: %1.</source>
        <translation>En attente dans semop&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>SemaphoreDialogs</name>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre.</translation>
    </message>
    <message>
        <source>%1 is out of range: a semaphore&apos;s value is 0 to %2 (SEMVMX, the kernel&apos;s limit).</source>
        <translation>%1 est hors limites&#xa0;: la valeur d&apos;un sémaphore va de 0 à %2 (SEMVMX, la limite du noyau).</translation>
    </message>
</context>
<context>
    <name>SemaphoreOperationDialog</name>
    <message>
        <source>Operate on semaphore set %1 (semop)</source>
        <translation>Opération sur l&apos;ensemble de sémaphores %1 (semop)</translation>
    </message>
    <message>
        <source>Se&amp;maphore number:</source>
        <translation>Numéro du sé&amp;maphore&#xa0;:</translation>
    </message>
    <message>
        <source>P: take n (−n, waits while the value is below n)</source>
        <translation>P&#xa0;: prendre n (−n, attend tant que la valeur est inférieure à n)</translation>
    </message>
    <message>
        <source>V: give n (+n, never waits)</source>
        <translation>V&#xa0;: donner n (+n, n&apos;attend jamais)</translation>
    </message>
    <message>
        <source>Wait for zero (0, waits while the value is not 0)</source>
        <translation>Attendre zéro (0, attend tant que la valeur n&apos;est pas 0)</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>&amp;Opération&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;n:</source>
        <translation>&amp;n&#xa0;:</translation>
    </message>
    <message>
        <source>IPC_NO&amp;WAIT</source>
        <translation>IPC_NO&amp;WAIT</translation>
    </message>
    <message>
        <source>Refuse at once (EAGAIN) instead of waiting when the operation cannot proceed now.</source>
        <translation>Refuser aussitôt (EAGAIN) au lieu d&apos;attendre quand l&apos;opération ne peut pas se faire tout de suite.</translation>
    </message>
    <message>
        <source>SEM_&amp;UNDO</source>
        <translation>SEM_&amp;UNDO</translation>
    </message>
    <message>
        <source>The kernel takes the change back when shmscope exits, so a P is not held for ever by a program that is gone.</source>
        <translation>Le noyau annule la modification quand shmscope se termine&#xa0;: ainsi, un P n&apos;est pas retenu pour toujours par un programme qui a disparu.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>&amp;Cancel Waiting</source>
        <translation>Annuler l&apos;&amp;attente</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>Waiting… semop blocks until the operation can proceed; Cancel Waiting stops it without changing anything.</source>
        <translation>Attente… semop bloque jusqu&apos;à ce que l&apos;opération puisse se faire&#xa0;; le bouton Annuler l&apos;attente l&apos;interrompt sans rien changer.</translation>
    </message>
    <message>
        <source>Done: took %1 from semaphore %2 of set %3.</source>
        <translation>Fait&#xa0;: %1 pris au sémaphore %2 de l&apos;ensemble %3.</translation>
    </message>
    <message>
        <source>Done: gave %1 to semaphore %2 of set %3.</source>
        <translation>Fait&#xa0;: %1 donné au sémaphore %2 de l&apos;ensemble %3.</translation>
    </message>
    <message>
        <source>Done: semaphore %1 of set %2 is zero.</source>
        <translation>Fait&#xa0;: le sémaphore %1 de l&apos;ensemble %2 vaut zéro.</translation>
    </message>
    <message>
        <source>Semaphore set %1 was removed while the operation waited: the kernel woke it with EIDRM, and nothing was done.</source>
        <translation>L&apos;ensemble de sémaphores %1 a été supprimé pendant que l&apos;opération attendait&#xa0;: le noyau l&apos;a réveillée avec EIDRM, et rien n&apos;a été fait.</translation>
    </message>
    <message>
        <source>Semaphore set %1 no longer exists: it was removed by someone else.</source>
        <translation>L&apos;ensemble de sémaphores %1 n&apos;existe plus&#xa0;: quelqu&apos;un d&apos;autre l&apos;a supprimé.</translation>
    </message>
    <message>
        <source>The operation ended without a result.</source>
        <translation>L&apos;opération s&apos;est terminée sans résultat.</translation>
    </message>
    <message>
        <source>Cancelled: the operation stopped waiting, nothing was changed.</source>
        <translation>Annulé&#xa0;: l&apos;opération a cessé d&apos;attendre, rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>SemaphoreTableModel</name>
    <message>
        <source>not readable (no read permission)</source>
        <translation>illisibles (pas de droit de lecture)</translation>
    </message>
    <message>
        <source>not readable (%1)</source>
        <translation>illisibles (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to take</source>
        <translation>
            <numerusform>%n en attente pour prendre</numerusform>
            <numerusform>%n en attente pour prendre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for zero</source>
        <translation>
            <numerusform>%n en attente de zéro</numerusform>
            <numerusform>%n en attente de zéro</numerusform>
        </translation>
    </message>
    <message>
        <source>IPC_PRIVATE: the set has no key</source>
        <translation>IPC_PRIVATE&#xa0;: l&apos;ensemble n&apos;a pas de clé</translation>
    </message>
    <message>
        <source>Key %1 (decimal %2)</source>
        <translation>Clé %1 (décimal %2)</translation>
    </message>
    <message>
        <source>Owner uid %1 (%2), gid %3 (%4)
Creator uid %5 (%6), gid %7 (%8)</source>
        <translation>Propriétaire uid %1 (%2), gid %3 (%4)
Créateur uid %5 (%6), gid %7 (%8)</translation>
    </message>
    <message>
        <source>Processes blocked in semop: waiting for a value to increase (ncnt) or to become zero (zcnt)</source>
        <translation>Processus bloqués dans semop&#xa0;: en attente qu&apos;une valeur augmente (ncnt) ou devienne nulle (zcnt)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>semid</source>
        <translation>semid</translation>
    </message>
    <message>
        <source>Perms</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Semaphores</source>
        <translation>Sémaphores</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Last semop</source>
        <translation>Dernier semop</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>The key given to semget (0 for private sets)</source>
        <translation>La clé passée à semget (0 pour les ensembles privés)</translation>
    </message>
    <message>
        <source>Number of semaphores in the set (nsems)</source>
        <translation>Nombre de sémaphores de l&apos;ensemble (nsems)</translation>
    </message>
    <message>
        <source>Time of the last semop on the set (otime)</source>
        <translation>Date du dernier semop sur l&apos;ensemble (otime)</translation>
    </message>
    <message>
        <source>Time of the last change by semctl (ctime)</source>
        <translation>Date de la dernière modification par semctl (ctime)</translation>
    </message>
    <message>
        <source>The semaphores&apos; values (GETALL)</source>
        <translation>Les valeurs des sémaphores (GETALL)</translation>
    </message>
    <message>
        <source>Processes blocked in semop on the set (ncnt, zcnt)</source>
        <translation>Processus bloqués dans semop sur l&apos;ensemble (ncnt, zcnt)</translation>
    </message>
</context>
<context>
    <name>SemaphoreValuesDialog</name>
    <message>
        <source>Set one value of semaphore set %1 (SETVAL)</source>
        <translation>Fixer une valeur de l&apos;ensemble de sémaphores %1 (SETVAL)</translation>
    </message>
    <message>
        <source>Se&amp;maphore number:</source>
        <translation>Numéro du sé&amp;maphore&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur&#xa0;:</translation>
    </message>
    <message>
        <source>Set every value of semaphore set %1 (SETALL)</source>
        <translation>Fixer toutes les valeurs de l&apos;ensemble de sémaphores %1 (SETALL)</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>&amp;Valeurs&#xa0;:</translation>
    </message>
    <message>
        <source>Each value 0 to %1 (SEMVMX); for every semaphore, split by spaces or commas.</source>
        <translation>Chaque valeur de 0 à %1 (SEMVMX)&#xa0;; une par sémaphore, séparées par des espaces ou des virgules.</translation>
    </message>
    <message>
        <source>Processes waiting on the set may wake up; the semaphores&apos; undo records (SEM_UNDO) are cleared.</source>
        <translation>Les processus en attente sur l&apos;ensemble peuvent se réveiller&#xa0;; les enregistrements d&apos;annulation (SEM_UNDO) des sémaphores sont effacés.</translation>
    </message>
    <message>
        <source>&amp;Set…</source>
        <translation>&amp;Fixer…</translation>
    </message>
    <message>
        <source>Enter one value, 0 to %1.</source>
        <translation>Saisissez une valeur, de 0 à %1.</translation>
    </message>
    <message numerus="yes">
        <source>The set has %n semaphores: enter one value for each.</source>
        <translation>
            <numerusform>L&apos;ensemble a %n sémaphore&#xa0;: saisissez une valeur pour chacun.</numerusform>
            <numerusform>L&apos;ensemble a %n sémaphores&#xa0;: saisissez une valeur pour chacun.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SemaphoreValuesModel</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Process %1 has exited</source>
        <translation>Le processus %1 s&apos;est terminé</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Last semop by</source>
        <translation>Dernier semop par</translation>
    </message>
    <message>
        <source>Waiting to take</source>
        <translation>En attente pour prendre</translation>
    </message>
    <message>
        <source>Waiting for zero</source>
        <translation>En attente de zéro</translation>
    </message>
    <message>
        <source>The semaphore&apos;s number in the set (sem_num)</source>
        <translation>Le numéro du sémaphore dans l&apos;ensemble (sem_num)</translation>
    </message>
    <message>
        <source>The semaphore&apos;s value (GETVAL)</source>
        <translation>La valeur du sémaphore (GETVAL)</translation>
    </message>
    <message>
        <source>The process of the last semop on this semaphore (GETPID)</source>
        <translation>Le processus du dernier semop sur ce sémaphore (GETPID)</translation>
    </message>
    <message>
        <source>Processes waiting for the value to increase (GETNCNT)</source>
        <translation>Processus en attente que la valeur augmente (GETNCNT)</translation>
    </message>
    <message>
        <source>Processes waiting for the value to become zero (GETZCNT)</source>
        <translation>Processus en attente que la valeur devienne nulle (GETZCNT)</translation>
    </message>
</context>
<context>
    <name>SendMessageDialog</name>
    <message>
        <source>Send a message to queue %1</source>
        <translation>Envoyer un message dans la file %1</translation>
    </message>
    <message>
        <source>The message&apos;s type (mtype): 1 or more. Receivers can ask for a type.</source>
        <translation>Le type du message (mtype)&#xa0;: 1 ou plus. Les récepteurs peuvent demander un type.</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>Text (UTF-8)</source>
        <translation>Texte (UTF-8)</translation>
    </message>
    <message>
        <source>Hex bytes</source>
        <translation>Octets hexa</translation>
    </message>
    <message>
        <source>&amp;Bytes as:</source>
        <translation>&amp;Octets saisis en&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Message&#xa0;:</translation>
    </message>
    <message>
        <source>Sent with IPC_NOWAIT: when the queue is full, the send is refused at once instead of waiting for room.</source>
        <translation>Envoi avec IPC_NOWAIT&#xa0;: si la file est pleine, l&apos;envoi est refusé aussitôt au lieu d&apos;attendre de la place.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Type&#xa0;: %1</translation>
    </message>
    <message>
        <source>Bytes: %1</source>
        <translation>Octets&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message has %L1 bytes, above MSGMAX, the largest message (%L2 bytes).</source>
        <translation>Le message a %L1 octets, au-delà de MSGMAX, la taille maximale d&apos;un message (%L2 octets).</translation>
    </message>
    <message>
        <source>These bytes are not UTF-8 text: they stay in hex.</source>
        <translation>Ces octets ne sont pas du texte UTF-8&#xa0;: ils restent en hexadécimal.</translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes (at most %L2, MSGMAX).</source>
        <translation>
            <numerusform>%L1 octet (au plus %L2, MSGMAX).</numerusform>
            <numerusform>%L1 octets (au plus %L2, MSGMAX).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes.</source>
        <translation>
            <numerusform>%L1 octet.</numerusform>
            <numerusform>%L1 octets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharedMemoryHelpDialog</name>
    <message>
        <source>System V Shared Memory — shmscope Help</source>
        <translation>Mémoire partagée System V — Aide de shmscope</translation>
    </message>
    <message>
        <source>System V shared memory explained</source>
        <translation>La mémoire partagée System V expliquée</translation>
    </message>
</context>
<context>
    <name>SnapshotTool</name>
    <message>
        <source>Select the bytes to take a snapshot of first.</source>
        <translation>Sélectionnez d&apos;abord les octets dont prendre un instantané.</translation>
    </message>
    <message>
        <source>Writing snapshot</source>
        <translation>Écriture de l&apos;instantané</translation>
    </message>
    <message>
        <source>Cannot write the snapshot: %1</source>
        <translation>Impossible d&apos;écrire l&apos;instantané&#xa0;: %1</translation>
    </message>
    <message>
        <source>Snapshot cancelled: %1 is as it was.</source>
        <translation>Instantané annulé&#xa0;: %1 est resté tel quel.</translation>
    </message>
    <message>
        <source>Snapshot written to %1: %2, of which %3 were never touched (holes in the file, not read).</source>
        <translation>Instantané écrit dans %1&#xa0;: %2, dont %3 jamais touchés (des trous dans le fichier, non lus).</translation>
    </message>
    <message>
        <source>%1 could not be read and are zeros in the file: %2</source>
        <translation>%1 n&apos;ont pas pu être lus et valent zéro dans le fichier&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Impossible de comparer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot compare: %1 holds %2 bytes and the segment %3 (nor is it the size of the selection).</source>
        <translation>Impossible de comparer&#xa0;: %1 contient %2 octets et le segment %3 (et ce n&apos;est pas non plus la taille de la sélection).</translation>
    </message>
    <message>
        <source>the live segment</source>
        <translation>le segment en mémoire</translation>
    </message>
    <message>
        <source>There is no comparison with the live segment to run again.</source>
        <translation>Il n&apos;y a pas de comparaison avec le segment en mémoire à relancer.</translation>
    </message>
    <message>
        <source>Comparing</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Comparison cancelled: the differences shown are those of before.</source>
        <translation>Comparaison annulée&#xa0;: les différences affichées sont celles d&apos;avant.</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 contre %2</translation>
    </message>
    <message>
        <source>%1: no difference in %2.</source>
        <translation>%1&#xa0;: aucune différence sur %2.</translation>
    </message>
    <message>
        <source>%1: %2 in %3 differ.</source>
        <translation>%1&#xa0;: %2 de différence, en %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n range(s)</source>
        <translation>
            <numerusform>%n plage</numerusform>
            <numerusform>%n plages</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 ranges are listed; the count of bytes is whole.</source>
        <translation>Seules les %L1 premières plages sont listées&#xa0;; le nombre d&apos;octets est complet.</translation>
    </message>
    <message>
        <source>%1 of memory could not be read and were taken as zeros.</source>
        <translation>%1 de mémoire n&apos;ont pas pu être lus et ont été pris pour des zéros.</translation>
    </message>
    <message>
        <source>The snapshots are not the size of this segment: the hex view does not highlight them.</source>
        <translation>Les instantanés n&apos;ont pas la taille de ce segment&#xa0;: la vue hexadécimale ne met pas leurs différences en évidence.</translation>
    </message>
    <message>
        <source>F7 / Shift+F7: next / previous difference.</source>
        <translation>F7 / Maj+F7&#xa0;: différence suivante / précédente.</translation>
    </message>
    <message>
        <source>No differences are shown: compare with a snapshot first.</source>
        <translation>Aucune différence n&apos;est affichée&#xa0;: comparez d&apos;abord avec un instantané.</translation>
    </message>
    <message>
        <source>No difference after the cursor.</source>
        <translation>Aucune différence après le curseur.</translation>
    </message>
    <message>
        <source>No difference before the cursor.</source>
        <translation>Aucune différence avant le curseur.</translation>
    </message>
    <message>
        <source>Snapshot Selection</source>
        <translation>Instantané de la sélection</translation>
    </message>
    <message>
        <source>Snapshot Segment</source>
        <translation>Instantané du segment</translation>
    </message>
    <message>
        <source>Snapshots (*.snap);;All files (*)</source>
        <translation>Instantanés (*.snap);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Compare with Snapshot</source>
        <translation>Comparer avec un instantané</translation>
    </message>
    <message>
        <source>Compare Two Snapshots: the first (before)</source>
        <translation>Comparer deux instantanés&#xa0;: le premier (avant)</translation>
    </message>
    <message>
        <source>Compare Two Snapshots: the second (after)</source>
        <translation>Comparer deux instantanés&#xa0;: le second (après)</translation>
    </message>
    <message>
        <source>Snapshot Object</source>
        <translation>Instantané de l’objet</translation>
    </message>
</context>
<context>
    <name>TaskStrip</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the task (Esc)</source>
        <translation>Arrêter la tâche (Esc)</translation>
    </message>
    <message>
        <source>%1: cancelling…</source>
        <translation>%1&#xa0;: annulation…</translation>
    </message>
    <message>
        <source>%1… %2/s · Esc cancels</source>
        <translation>%1… %2/s · Esc annule</translation>
    </message>
</context>
<context>
    <name>ValuePlot</name>
    <message>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>no values yet</source>
        <translation>pas encore de valeurs</translation>
    </message>
    <message>
        <source>Plot of the shared value over time</source>
        <translation>Courbe de la valeur partagée au fil du temps</translation>
    </message>
</context>
<context>
    <name>WriteBytesCommand</name>
    <message>
        <source>Undo</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablissement</translation>
    </message>
    <message>
        <source>the edit stays on the undo side</source>
        <translation>la modification reste à annuler</translation>
    </message>
    <message>
        <source>the edit stays on the redo side</source>
        <translation>la modification reste à rétablir</translation>
    </message>
    <message>
        <source>%1 refused: the view is read-only; memory left as it is, %2.</source>
        <translation>%1 impossible&#xa0;: la vue est en lecture seule&#xa0;; mémoire laissée telle quelle, %2.</translation>
    </message>
    <message>
        <source>%1 refused: the bytes at 0x%2 cannot be read now; memory left as it is, %3.</source>
        <translation>%1 impossible&#xa0;: les octets en 0x%2 ne peuvent pas être lus pour l&apos;instant&#xa0;; mémoire laissée telle quelle, %3.</translation>
    </message>
    <message>
        <source>%1 refused: another process has changed the byte at 0x%2 since; memory left as it is, %3.</source>
        <translation>%1 impossible&#xa0;: un autre processus a modifié l&apos;octet en 0x%2 entre-temps&#xa0;; mémoire laissée telle quelle, %3.</translation>
    </message>
</context>
<context>
    <name>ipccells</name>
    <message>
        <source>%n s</source>
        <translation>%n s</translation>
    </message>
    <message>
        <source>%n min</source>
        <translation>%n min</translation>
    </message>
    <message>
        <source>%n h</source>
        <translation>%n h</translation>
    </message>
    <message>
        <source>%n days</source>
        <translation>%n jours</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>unknown language %1 for --lang (use fr or en).</source>
        <translation>langue %1 inconnue pour --lang (utilisez fr ou en).</translation>
    </message>
    <message>
        <source>Inspect, create, edit and remove System V shared-memory segments.</source>
        <translation>Examiner, créer, modifier et supprimer des segments de mémoire partagée System V.</translation>
    </message>
    <message>
        <source>Print every segment as a table, like ipcs -m.</source>
        <translation>Afficher tous les segments dans un tableau, comme ipcs -m.</translation>
    </message>
    <message>
        <source>With --open: attach read-write to allow editing.</source>
        <translation>Avec --open&#xa0;: attacher en lecture-écriture pour permettre la modification.</translation>
    </message>
    <message>
        <source>With --demo: start live mode at once.</source>
        <translation>Avec --demo&#xa0;: lancer aussitôt le mode continu.</translation>
    </message>
    <message>
        <source>With --demo-terminal: show each system call and result.</source>
        <translation>Avec --demo-terminal&#xa0;: montrer chaque appel système et son résultat.</translation>
    </message>
    <message>
        <source>Use language &lt;lang&gt; (fr or en) instead of the system&apos;s.</source>
        <translation>Utiliser la langue &lt;lang&gt; (fr ou en) au lieu de celle du système.</translation>
    </message>
    <message>
        <source>--json goes with --list.</source>
        <translation>--json s&apos;emploie avec --list.</translation>
    </message>
    <message>
        <source>--read-write goes with --open.</source>
        <translation>--read-write s&apos;emploie avec --open.</translation>
    </message>
    <message>
        <source>--live goes with --demo.</source>
        <translation>--live s&apos;emploie avec --demo.</translation>
    </message>
    <message>
        <source>--verbose goes with --demo-terminal.</source>
        <translation>--verbose s&apos;emploie avec --demo-terminal.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>there is no segment with shmid %1.</source>
        <translation>il n&apos;existe aucun segment de shmid %1.</translation>
    </message>
    <message>
        <source>no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set). Without a display, use shmscope --list [--json] or shmscope --demo-terminal.</source>
        <translation>aucun écran où ouvrir une fenêtre (DISPLAY et WAYLAND_DISPLAY ne sont pas définies). Sans écran, utilisez shmscope --list [--json] ou shmscope --demo-terminal.</translation>
    </message>
    <message>
        <source>--%1 and --%2 cannot go together.</source>
        <translation>--%1 et --%2 ne peuvent pas aller ensemble.</translation>
    </message>
    <message>
        <source>--%1 is given more than once.</source>
        <translation>--%1 est donnée plus d&apos;une fois.</translation>
    </message>
    <message>
        <source>With --list or --diff: print one JSON object instead.</source>
        <translation>Avec --list ou --diff&#xa0;: afficher plutôt un seul objet JSON.</translation>
    </message>
    <message>
        <source>Print a JSON line for each range of bytes that changes in segment &lt;shmid&gt;, until interrupted.</source>
        <translation>Afficher une ligne JSON pour chaque plage d&apos;octets qui change dans le segment &lt;shmid&gt;, jusqu&apos;à interruption.</translation>
    </message>
    <message>
        <source>With --watch: compare at most every &lt;ms&gt; milliseconds (default 100).</source>
        <translation>Avec --watch&#xa0;: comparer au plus toutes les &lt;ms&gt; millisecondes (100 par défaut).</translation>
    </message>
    <message>
        <source>Write a sparse snapshot of segment &lt;shmid&gt; to the file of -o.</source>
        <translation>Écrire un instantané creux du segment &lt;shmid&gt; dans le fichier donné par -o.</translation>
    </message>
    <message>
        <source>With --snapshot: the file to write.</source>
        <translation>Avec --snapshot&#xa0;: le fichier à écrire.</translation>
    </message>
    <message>
        <source>Print the ranges where A and B differ (snapshot files, or shmids: a number is a shmid); exit 1 if they differ.</source>
        <translation>Afficher les plages où A et B diffèrent (fichiers d&apos;instantané, ou shmid&#xa0;: un nombre est un shmid)&#xa0;; code de sortie 1 s&apos;ils diffèrent.</translation>
    </message>
    <message>
        <source>With --diff: the two inputs.</source>
        <translation>Avec --diff&#xa0;: les deux entrées.</translation>
    </message>
    <message>
        <source>-o goes with --snapshot.</source>
        <translation>-o s&apos;emploie avec --snapshot.</translation>
    </message>
    <message>
        <source>--interval goes with --watch.</source>
        <translation>--interval s&apos;emploie avec --watch.</translation>
    </message>
    <message>
        <source>--all goes with --list.</source>
        <translation>--all s&apos;emploie avec --list.</translation>
    </message>
    <message>
        <source>unknown lesson %1 for --lesson (use fork or race).</source>
        <translation>leçon %1 inconnue pour --lesson (utilisez fork ou race).</translation>
    </message>
    <message>
        <source>--%1 goes with --lesson race.</source>
        <translation>--%1 s&apos;emploie avec --lesson race.</translation>
    </message>
    <message>
        <source>Open the demo window of a lesson (--lesson).</source>
        <translation>Ouvrir la fenêtre de démonstration d&apos;une leçon (--lesson).</translation>
    </message>
    <message>
        <source>Run a lesson&apos;s demo in the terminal.</source>
        <translation>Exécuter la démonstration d&apos;une leçon dans le terminal.</translation>
    </message>
    <message>
        <source>With --demo or --demo-terminal: the lesson, fork (a child changes a shared int; the default) or race (children add to one counter).</source>
        <translation>Avec --demo ou --demo-terminal&#xa0;: la leçon, fork (un fils modifie un int partagé&#xa0;; par défaut) ou race (des fils ajoutent à un même compteur).</translation>
    </message>
    <message>
        <source>With --lesson race: the number of children (1 to 16, default 4).</source>
        <translation>Avec --lesson race&#xa0;: le nombre de fils (de 1 à 16, 4 par défaut).</translation>
    </message>
    <message>
        <source>With --lesson race: the increments of each child (default 1000000).</source>
        <translation>Avec --lesson race&#xa0;: le nombre d&apos;incréments de chaque fils (1000000 par défaut).</translation>
    </message>
    <message>
        <source>--lesson goes with --demo or --demo-terminal.</source>
        <translation>--lesson s&apos;emploie avec --demo ou --demo-terminal.</translation>
    </message>
    <message>
        <source>--live goes with the fork lesson.</source>
        <translation>--live s&apos;emploie avec la leçon fork.</translation>
    </message>
    <message>
        <source>With --list: the semaphore sets, message queues, POSIX objects and memfds too.</source>
        <translation>Avec --list&#xa0;: les ensembles de sémaphores, les files de messages, les objets POSIX et les memfd aussi.</translation>
    </message>
    <message>
        <source>Open the browser with segment &lt;shmid&gt; selected, or the POSIX object /NAME.</source>
        <translation>Ouvrir le navigateur avec le segment &lt;shmid&gt; sélectionné, ou l’objet POSIX /NOM.</translation>
    </message>
    <message>
        <source>Open the memory view of segment &lt;shmid&gt;, or of the POSIX object /NAME.</source>
        <translation>Ouvrir la vue mémoire du segment &lt;shmid&gt;, ou de l’objet POSIX /NOM.</translation>
    </message>
    <message>
        <source>With --list, --open or --select: act in the IPC namespace of process &lt;pid&gt;, and on the /dev/shm it sees.</source>
        <translation>Avec --list, --open ou --select&#xa0;: agir dans l’espace de noms IPC du processus &lt;pid&gt;, et sur le /dev/shm qu’il voit.</translation>
    </message>
    <message>
        <source>Print the IPC namespaces in use (with --json: as JSON).</source>
        <translation>Afficher les espaces de noms IPC utilisés (avec --json&#xa0;: en JSON).</translation>
    </message>
    <message>
        <source>With --list: the processes that hold each object.</source>
        <translation>Avec --list&#xa0;: les processus qui tiennent chaque objet.</translation>
    </message>
    <message>
        <source>With --list: only the objects nobody uses, with their age.</source>
        <translation>Avec --list&#xa0;: seulement les objets que personne n’utilise, avec leur âge.</translation>
    </message>
    <message>
        <source>With --list: the semaphore sets alone.</source>
        <translation>Avec --list&#xa0;: les ensembles de sémaphores seuls.</translation>
    </message>
    <message>
        <source>With --list: the message queues alone.</source>
        <translation>Avec --list&#xa0;: les files de messages seules.</translation>
    </message>
    <message>
        <source>--namespace goes with --list, --open or --select.</source>
        <translation>--namespace va avec --list, --open ou --select.</translation>
    </message>
    <message>
        <source>there is no POSIX object %1 in %2.</source>
        <translation>il n’y a pas d’objet POSIX %1 dans %2.</translation>
    </message>
</context>
<context>
    <name>shm</name>
    <message>
        <source>read permission</source>
        <translation>la permission de lecture</translation>
    </message>
    <message>
        <source>read and write permission</source>
        <translation>les permissions de lecture et d’écriture</translation>
    </message>
    <message>
        <source>The segment is not attached.</source>
        <translation>Le segment n’est pas attaché.</translation>
    </message>
    <message>
        <source>uid %1 (%2), gid %3 (%4)</source>
        <translation>uid %1 (%2), gid %3 (%4)</translation>
    </message>
    <message>
        <source>there is no segment with this id (it was removed, or never existed)</source>
        <translation>il n’existe aucun segment de cet identifiant (il a été supprimé, ou n’a jamais existé)</translation>
    </message>
    <message>
        <source>this needs %1; the segment has mode %2 (%3), owner %4 (uid %5), group %6 (gid %7), creator uid %8; you are %9</source>
        <translation>il faut %1&#xa0;; le segment a les droits %2 (%3), le propriétaire %4 (uid %5), le groupe %6 (gid %7), le créateur uid %8&#xa0;; vous êtes %9</translation>
    </message>
    <message>
        <source>this needs %1; you are %2</source>
        <translation>il faut %1&#xa0;; vous êtes %2</translation>
    </message>
    <message>
        <source>The demo already made its segment.</source>
        <translation>La démonstration a déjà créé son segment.</translation>
    </message>
    <message>
        <source>There is no segment yet: shmget comes first.</source>
        <translation>Il n’y a pas encore de segment&#xa0;: shmget vient d’abord.</translation>
    </message>
    <message>
        <source>The parent is attached already.</source>
        <translation>Le père est déjà attaché.</translation>
    </message>
    <message>
        <source>The parent must be attached before it forks.</source>
        <translation>Le père doit être attaché avant de faire fork.</translation>
    </message>
    <message>
        <source>A child is running already.</source>
        <translation>Un fils est déjà en cours d’exécution.</translation>
    </message>
    <message>
        <source>There is no segment.</source>
        <translation>Il n’y a pas de segment.</translation>
    </message>
    <message>
        <source>in the child</source>
        <translation>dans le fils</translation>
    </message>
    <message>
        <source>There is no child to wait for.</source>
        <translation>Il n’y a pas de fils à attendre.</translation>
    </message>
    <message>
        <source>The parent is not attached.</source>
        <translation>Le père n’est pas attaché.</translation>
    </message>
    <message>
        <source>The attachment was handed over: its holder detaches it.</source>
        <translation>L’attachement a été confié à un autre objet&#xa0;: c’est lui qui le détache.</translation>
    </message>
    <message>
        <source>There is no child.</source>
        <translation>Il n’y a pas de fils.</translation>
    </message>
    <message>
        <source>There is no child running.</source>
        <translation>Aucun fils n’est en cours d’exécution.</translation>
    </message>
    <message>
        <source>the child does not listen any more</source>
        <translation>le fils n’écoute plus</translation>
    </message>
    <message>
        <source>the child did not answer</source>
        <translation>le fils n’a pas répondu</translation>
    </message>
    <message>
        <source>the child has exited</source>
        <translation>le fils s’est terminé</translation>
    </message>
    <message>
        <source>The key %1 %2</source>
        <translation>La clé %1 %2</translation>
    </message>
    <message>
        <source>The key is empty: give a number such as 0x1234 or 4660.</source>
        <translation>La clé est vide&#xa0;: donnez un nombre comme 0x1234 ou 4660.</translation>
    </message>
    <message>
        <source>is not a number: write hex with 0x (0x1a2b) or decimal (6699).</source>
        <translation>n’est pas un nombre&#xa0;: écrivez de l’hexadécimal avec 0x (0x1a2b) ou du décimal (6699).</translation>
    </message>
    <message>
        <source>is out of range: a key is 32 bits (-2147483648 to 4294967295).</source>
        <translation>est hors limites&#xa0;: une clé fait 32 bits (de -2147483648 à 4294967295).</translation>
    </message>
    <message>
        <source>is out of range: a key is 32 bits (at most 0xffffffff).</source>
        <translation>est hors limites&#xa0;: une clé fait 32 bits (au plus 0xffffffff).</translation>
    </message>
    <message>
        <source>The size %1 %2</source>
        <translation>La taille %1 %2</translation>
    </message>
    <message>
        <source>The size is empty: give a number of bytes, or with a unit (4 KiB).</source>
        <translation>La taille est vide&#xa0;: donnez un nombre d’octets, ou avec une unité (4 KiB).</translation>
    </message>
    <message>
        <source>has an unknown unit: use B, KiB, MiB, GiB or TiB (powers of 1024).</source>
        <translation>a une unité inconnue&#xa0;: utilisez o, Kio, Mio, Gio ou Tio (puissances de 1024).</translation>
    </message>
    <message>
        <source>is not a number of bytes.</source>
        <translation>n’est pas un nombre d’octets.</translation>
    </message>
    <message>
        <source>is too large.</source>
        <translation>est trop grande.</translation>
    </message>
    <message>
        <source>is not a whole number of bytes.</source>
        <translation>n’est pas un nombre entier d’octets.</translation>
    </message>
    <message>
        <source>is zero: a segment holds at least 1 byte.</source>
        <translation>est nulle&#xa0;: un segment contient au moins 1 octet.</translation>
    </message>
    <message>
        <source>The mode %1 is not an octal number such as 0640 (digits 0 to 7).</source>
        <translation>Les droits %1 ne sont pas un nombre octal comme 0640 (chiffres de 0 à 7).</translation>
    </message>
    <message>
        <source>The mode %1 is out of range: permission bits are 0 to 0777; higher bits would turn into flags.</source>
        <translation>Les droits %1 sont hors limites&#xa0;: les bits de permission vont de 0 à 0777&#xa0;; des bits plus hauts deviendraient des drapeaux.</translation>
    </message>
    <message>
        <source>The shmid %1 is not valid: a shmid is a whole number from 0 to 2147483647.</source>
        <translation>Le shmid %1 n’est pas valide&#xa0;: un shmid est un nombre entier de 0 à 2147483647.</translation>
    </message>
    <message>
        <source>The offset %1 is not a number: write hex with 0x (0x1f0) or decimal (496).</source>
        <translation>La position %1 n’est pas un nombre&#xa0;: écrivez de l’hexadécimal avec 0x (0x1f0) ou du décimal (496).</translation>
    </message>
    <message>
        <source>&quot;0x&quot; must be followed by hex digits.</source>
        <translation>«&#xa0;0x&#xa0;» doit être suivi de chiffres hexadécimaux.</translation>
    </message>
    <message>
        <source>The character &apos;%1&apos; at position %2 is not a hex digit (0-9, a-f) or a separator.</source>
        <translation>Le caractère «&#xa0;%1&#xa0;» en position %2 n’est ni un chiffre hexadécimal (0-9, a-f) ni un séparateur.</translation>
    </message>
    <message>
        <source>An odd number of hex digits ends at position %1: each byte takes two digits.</source>
        <translation>Un nombre impair de chiffres hexadécimaux se termine en position %1&#xa0;: chaque octet s’écrit avec deux chiffres.</translation>
    </message>
    <message>
        <source>No bytes given: write hex digits such as &quot;de ad be ef&quot;.</source>
        <translation>Aucun octet donné&#xa0;: écrivez des chiffres hexadécimaux comme «&#xa0;de ad be ef&#xa0;».</translation>
    </message>
    <message>
        <source>The value %1 is out of range: it must be from %2 to %3.</source>
        <translation>La valeur %1 est hors limites&#xa0;: elle doit être comprise entre %2 et %3.</translation>
    </message>
    <message>
        <source>The value %1 is not a whole number.</source>
        <translation>La valeur %1 n’est pas un nombre entier.</translation>
    </message>
    <message>
        <source>The value %1 is not a whole number from 0 up.</source>
        <translation>La valeur %1 n’est pas un nombre entier positif ou nul.</translation>
    </message>
    <message>
        <source>The value %1 is not a number such as 1.5, -2e10, inf or nan.</source>
        <translation>La valeur %1 n’est pas un nombre comme 1.5, -2e10, inf ou nan.</translation>
    </message>
    <message>
        <source>Unknown error %1</source>
        <translation>Erreur inconnue %1</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The path is empty: ftok needs an existing file.</source>
        <translation>Le chemin est vide&#xa0;: ftok a besoin d’un fichier existant.</translation>
    </message>
    <message>
        <source>The project id must be 1 to 255 (ftok uses only its low 8 bits, and 0 is not allowed).</source>
        <translation>L’identifiant de projet doit être compris entre 1 et 255 (ftok n’en garde que les 8 bits de poids faible, et 0 est interdit).</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>le fichier n’existe pas</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>le fichier ne peut pas être lu</translation>
    </message>
    <message>
        <source>The mode must be 0 to 0777 (permission bits only); higher bits would be taken as flags such as SHM_HUGETLB.</source>
        <translation>Les droits doivent être compris entre 0 et 0777 (bits de permission seulement)&#xa0;; des bits plus hauts seraient pris pour des drapeaux comme SHM_HUGETLB.</translation>
    </message>
    <message>
        <source>The size must be at least 1 byte.</source>
        <translation>La taille doit être d’au moins 1 octet.</translation>
    </message>
    <message>
        <source>The size %1 bytes is above SHMMAX (%2 bytes, /proc/sys/kernel/shmmax).</source>
        <translation>La taille de %1 octets dépasse SHMMAX (%2 octets, /proc/sys/kernel/shmmax).</translation>
    </message>
    <message>
        <source>The size does not fit this machine&apos;s size_t.</source>
        <translation>La taille ne tient pas dans le size_t de cette machine.</translation>
    </message>
    <message>
        <source>the key is already taken by shmid %1 and exclusive creation (IPC_EXCL) was asked</source>
        <translation>la clé est déjà prise par le shmid %1 et la création exclusive (IPC_EXCL) était demandée</translation>
    </message>
    <message>
        <source>the key is already taken and exclusive creation (IPC_EXCL) was asked</source>
        <translation>la clé est déjà prise et la création exclusive (IPC_EXCL) était demandée</translation>
    </message>
    <message>
        <source>a segment with this key exists but is smaller than the size asked, or the size is outside SHMMIN..SHMMAX</source>
        <translation>un segment de cette clé existe mais il est plus petit que la taille demandée, ou la taille sort de SHMMIN..SHMMAX</translation>
    </message>
    <message>
        <source>the system limit is reached: all SHMMNI segment ids are in use, or the total would exceed SHMALL pages (/proc/sys/kernel/shmmni, shmall)</source>
        <translation>la limite du système est atteinte&#xa0;: les SHMMNI identifiants de segment sont tous pris, ou le total dépasserait SHMALL pages (/proc/sys/kernel/shmmni, shmall)</translation>
    </message>
    <message>
        <source>the kernel could not allocate memory for a segment of this size</source>
        <translation>le noyau n’a pas pu allouer la mémoire d’un segment de cette taille</translation>
    </message>
    <message>
        <source>a segment with this key exists and its mode does not let you use it; you are %1</source>
        <translation>un segment de cette clé existe et ses droits ne vous permettent pas de l’utiliser&#xa0;; vous êtes %1</translation>
    </message>
    <message>
        <source>locking or huge pages need privilege (CAP_IPC_LOCK)</source>
        <translation>le verrouillage ou les grandes pages demandent un privilège (CAP_IPC_LOCK)</translation>
    </message>
    <message>
        <source>IPC_PRIVATE (key 0) always makes a new segment; it cannot open one.</source>
        <translation>IPC_PRIVATE (clé 0) crée toujours un nouveau segment&#xa0;; il ne peut pas en ouvrir un.</translation>
    </message>
    <message>
        <source>no segment has this key</source>
        <translation>aucun segment n’a cette clé</translation>
    </message>
    <message>
        <source>the segment&apos;s mode does not let you use it; you are %1</source>
        <translation>les droits du segment ne vous permettent pas de l’utiliser&#xa0;; vous êtes %1</translation>
    </message>
    <message>
        <source>being the segment&apos;s owner or creator, or privilege (CAP_SYS_ADMIN)</source>
        <translation>être propriétaire ou créateur du segment, ou avoir le privilège CAP_SYS_ADMIN</translation>
    </message>
    <message>
        <source>read permission to read its current status</source>
        <translation>la permission de lecture pour lire son état actuel</translation>
    </message>
    <message>
        <source>The mode must be 0 to 0777 (permission bits only).</source>
        <translation>Les droits doivent être compris entre 0 et 0777 (bits de permission seulement).</translation>
    </message>
    <message>
        <source>locking would exceed your RLIMIT_MEMLOCK (ulimit -l)</source>
        <translation>le verrouillage dépasserait votre RLIMIT_MEMLOCK (ulimit -l)</translation>
    </message>
    <message>
        <source>being the segment&apos;s owner or creator, or privilege (CAP_IPC_LOCK)</source>
        <translation>être propriétaire ou créateur du segment, ou avoir le privilège CAP_IPC_LOCK</translation>
    </message>
    <message>
        <source>reading a segment&apos;s status needs read permission on it</source>
        <translation>lire l’état d’un segment demande la permission de lecture sur lui</translation>
    </message>
    <message>
        <source>The child did not exit with status 0.</source>
        <translation>Le fils ne s’est pas terminé avec le code 0.</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Opération non permise</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Aucun fichier ou dossier de ce type</translation>
    </message>
    <message>
        <source>No such process</source>
        <translation>Aucun processus de ce type</translation>
    </message>
    <message>
        <source>Interrupted system call</source>
        <translation>Appel système interrompu</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Erreur d’entrée/sortie</translation>
    </message>
    <message>
        <source>Argument list too long</source>
        <translation>Liste d’arguments trop longue</translation>
    </message>
    <message>
        <source>Bad file descriptor</source>
        <translation>Mauvais descripteur de fichier</translation>
    </message>
    <message>
        <source>No child processes</source>
        <translation>Pas de processus fils</translation>
    </message>
    <message>
        <source>Resource temporarily unavailable</source>
        <translation>Ressource temporairement non disponible</translation>
    </message>
    <message>
        <source>Cannot allocate memory</source>
        <translation>Impossible d’allouer de la mémoire</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permission refusée</translation>
    </message>
    <message>
        <source>Bad address</source>
        <translation>Mauvaise adresse</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>Le fichier existe</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>N’est pas un dossier</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>Est un dossier</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>Argument invalide</translation>
    </message>
    <message>
        <source>Too many open files in system</source>
        <translation>Trop de fichiers ouverts dans le système</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Trop de fichiers ouverts</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>Aucun espace disponible sur le périphérique</translation>
    </message>
    <message>
        <source>Broken pipe</source>
        <translation>Relais brisé (pipe)</translation>
    </message>
    <message>
        <source>Numerical result out of range</source>
        <translation>Résultat numérique hors intervalle</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>Nom de fichier trop long</translation>
    </message>
    <message>
        <source>Function not implemented</source>
        <translation>Fonction non implantée</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>Trop de niveaux de liens symboliques</translation>
    </message>
    <message>
        <source>Identifier removed</source>
        <translation>Identifiant supprimé</translation>
    </message>
    <message>
        <source>Value too large for defined data type</source>
        <translation>Valeur trop grande pour le type de données défini</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>Connexion réinitialisée par le correspondant</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>Délai d’attente de la connexion dépassé</translation>
    </message>
    <message>
        <source>%1(%2): %3</source>
        <translation>%1(%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 (pid %2): </source>
        <translation>%1 (pid %2)&#xa0;: </translation>
    </message>
    <message>
        <source>parent</source>
        <translation>père</translation>
    </message>
    <message>
        <source>child</source>
        <translation>fils</translation>
    </message>
    <message>
        <source>the value is %1</source>
        <translation>la valeur est %1</translation>
    </message>
    <message>
        <source>the child sees 0</source>
        <translation>le fils voit 0</translation>
    </message>
    <message>
        <source>removed at the last detach</source>
        <translation>supprimé au dernier détachement</translation>
    </message>
    <message>
        <source>then exit(0)</source>
        <translation>puis exit(0)</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>code de sortie %1</translation>
    </message>
    <message>
        <source>nattch 0: the kernel destroys the segment</source>
        <translation>nattch 0&#xa0;: le noyau détruit le segment</translation>
    </message>
    <message>
        <source>The project id is empty: give a number from 1 to 255 or one character.</source>
        <translation>L&apos;identifiant de projet est vide&#xa0;: donnez un nombre de 1 à 255 ou un caractère.</translation>
    </message>
    <message>
        <source>The project id must be from 1 to 255; %1 is out of range.</source>
        <translation>L&apos;identifiant de projet doit être compris entre 1 et 255&#xa0;; %1 est hors limites.</translation>
    </message>
    <message>
        <source>The project id must be a number from 1 to 255 or one character; &quot;%1&quot; is neither.</source>
        <translation>L&apos;identifiant de projet doit être un nombre de 1 à 255 ou un caractère&#xa0;; «&#xa0;%1&#xa0;» n&apos;est ni l&apos;un ni l&apos;autre.</translation>
    </message>
    <message>
        <source>the segment exists; the kernel refused an argument of the call</source>
        <translation>le segment existe&#xa0;; le noyau a refusé un argument de l’appel</translation>
    </message>
    <message>
        <source>the segment (%1) does not fit in this process&apos;s address space, which its limit RLIMIT_AS (ulimit -v) sets to %2</source>
        <translation>le segment (%1) ne tient pas dans l’espace d’adressage de ce processus, que sa limite RLIMIT_AS (ulimit -v) fixe à %2</translation>
    </message>
    <message>
        <source>the segment (%1) does not fit in this process&apos;s free address space</source>
        <translation>le segment (%1) ne tient pas dans l’espace d’adressage libre de ce processus</translation>
    </message>
    <message>
        <source>The offset %1 is too large: an offset is at most %2 (64 bits).</source>
        <translation>La position %1 est trop grande&#xa0;: une position vaut au plus %2 (64 bits).</translation>
    </message>
    <message>
        <source>The value %1 is too large: at most %2.</source>
        <translation>La valeur %1 est trop grande&#xa0;: au plus %2.</translation>
    </message>
    <message>
        <source>The value %1 is out of range for a %2: its magnitude must be at most %3, and a nonzero one at least %4; inf and nan are allowed.</source>
        <translation>La valeur %1 est hors limites pour un %2&#xa0;: sa valeur absolue doit valoir au plus %3, et au moins %4 si elle n’est pas nulle&#xa0;; inf et nan sont acceptés.</translation>
    </message>
    <message>
        <source>Reading this page raised SIGBUS: it is a huge page that nobody has used yet, and no free huge page is left to back it (the segment was made with SHM_NORESERVE).</source>
        <translation>La lecture de cette page a provoqué SIGBUS&#xa0;: c’est une grande page que personne n’a encore utilisée, et il ne reste aucune grande page libre pour la fournir (le segment a été créé avec SHM_NORESERVE).</translation>
    </message>
    <message>
        <source>Reading this page raised SIGBUS: the memory behind it is gone (a file truncated under its mapping, or no memory to back it).</source>
        <translation>La lecture de cette page a provoqué SIGBUS&#xa0;: la mémoire derrière elle a disparu (un fichier tronqué sous sa projection, ou pas de mémoire pour la fournir).</translation>
    </message>
    <message>
        <source>Reading this page raised %1: it is not mapped any more.</source>
        <translation>La lecture de cette page a provoqué %1&#xa0;: elle n’est plus projetée.</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>le fichier %1</translation>
    </message>
    <message>
        <source>the segment</source>
        <translation>le segment</translation>
    </message>
    <message>
        <source>there is no file %1</source>
        <translation>il n’existe pas de fichier %1</translation>
    </message>
    <message>
        <source>%1 is not a regular file: a snapshot is a file of the segment&apos;s bytes.</source>
        <translation>%1 n’est pas un fichier ordinaire&#xa0;: un instantané est un fichier qui contient les octets du segment.</translation>
    </message>
    <message>
        <source>The two sides differ in size: %1 holds %2 bytes and %3 holds %4 bytes; only equal sizes can be compared.</source>
        <translation>Les deux côtés n’ont pas la même taille&#xa0;: %1 contient %2 octets et %3 contient %4 octets&#xa0;; seules des tailles égales peuvent être comparées.</translation>
    </message>
    <message>
        <source>the file system holding %1 is full (or your disk quota is used up)</source>
        <translation>le système de fichiers qui contient %1 est plein (ou votre quota de disque est épuisé)</translation>
    </message>
    <message>
        <source>the file would be larger than the file size limit (ulimit -f) or than the file system allows</source>
        <translation>le fichier dépasserait la taille de fichier maximale (ulimit -f) ou ce que permet le système de fichiers</translation>
    </message>
    <message>
        <source>you may not write %1 or create files in its directory (the directory&apos;s permissions)</source>
        <translation>vous n’avez pas le droit d’écrire %1 ni de créer des fichiers dans son répertoire (droits du répertoire)</translation>
    </message>
    <message>
        <source>%1 is on a file system mounted read-only</source>
        <translation>%1 se trouve sur un système de fichiers monté en lecture seule</translation>
    </message>
    <message>
        <source>the directory of %1 does not exist</source>
        <translation>le répertoire de %1 n’existe pas</translation>
    </message>
    <message>
        <source>%1 is a directory</source>
        <translation>%1 est un répertoire</translation>
    </message>
    <message>
        <source>Nothing is attached to take a snapshot of.</source>
        <translation>Rien n’est attaché&#xa0;: il n’y a rien dont prendre un instantané.</translation>
    </message>
    <message>
        <source>No file name given.</source>
        <translation>Aucun nom de fichier donné.</translation>
    </message>
    <message>
        <source>--snapshot is given more than once.</source>
        <translation>--snapshot est donnée plus d’une fois.</translation>
    </message>
    <message>
        <source>-o is given more than once.</source>
        <translation>-o est donnée plus d’une fois.</translation>
    </message>
    <message>
        <source>%1 and %2 cannot go together.</source>
        <translation>%1 et %2 ne peuvent pas aller ensemble.</translation>
    </message>
    <message>
        <source>unknown option %1 here (see shmscope --help).</source>
        <translation>option %1 inconnue ici (voir shmscope --help).</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 demande une valeur.</translation>
    </message>
    <message>
        <source>--snapshot and --diff cannot go together.</source>
        <translation>--snapshot et --diff ne peuvent pas aller ensemble.</translation>
    </message>
    <message>
        <source>--snapshot needs -o FILE, the file to write.</source>
        <translation>--snapshot demande -o FILE, le fichier à écrire.</translation>
    </message>
    <message>
        <source>--json goes with --list or --diff.</source>
        <translation>--json s’emploie avec --list ou --diff.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>-o goes with --snapshot.</source>
        <translation>-o s’emploie avec --snapshot.</translation>
    </message>
    <message>
        <source>--diff needs two inputs, A and B: snapshot files or shmids.</source>
        <translation>--diff demande deux entrées, A et B&#xa0;: des fichiers d’instantané ou des shmid.</translation>
    </message>
    <message>
        <source>%1 bytes of the segment could not be read and are zeros in %2: %3</source>
        <translation>%1 octets du segment n’ont pas pu être lus et valent zéro dans %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>changed bytes: %1 · ranges: %2 · size: %3</source>
        <translation>octets modifiés&#xa0;: %1 · plages&#xa0;: %2 · taille&#xa0;: %3</translation>
    </message>
    <message>
        <source>only the first %1 ranges are listed; the count of changed bytes is complete.</source>
        <translation>seules les %1 premières plages sont listées&#xa0;; le nombre d’octets modifiés est complet.</translation>
    </message>
    <message>
        <source>%1 bytes of memory could not be read and were compared as zeros.</source>
        <translation>%1 octets de mémoire n’ont pas pu être lus et ont été comparés comme des zéros.</translation>
    </message>
    <message>
        <source>cannot write the differences: %1</source>
        <translation>impossible d’écrire les différences&#xa0;: %1</translation>
    </message>
    <message>
        <source>The alignment %1 cannot be used: choose 1, 2, 4 or 8 bytes.</source>
        <translation>L’alignement %1 ne peut pas être utilisé&#xa0;: choisissez 1, 2, 4 ou 8 octets.</translation>
    </message>
    <message>
        <source>A scan cannot look for nan: nan equals nothing, not even itself. Scan for a number, or narrow with changed or unchanged.</source>
        <translation>Une recherche ne peut pas porter sur nan&#xa0;: nan n’est égal à rien, pas même à lui-même. Recherchez un nombre, ou affinez avec «&#xa0;a changé&#xa0;» ou «&#xa0;n’a pas changé&#xa0;».</translation>
    </message>
    <message>
        <source>Too many matches: more than %1 separate places. Scan for a rarer value, or with a wider alignment.</source>
        <translation>Trop de résultats&#xa0;: plus de %1 emplacements distincts. Recherchez une valeur plus rare, ou avec un alignement plus large.</translation>
    </message>
    <message>
        <source>The value %1 is out of range for %2: it must be from %3 to %4.</source>
        <translation>La valeur %1 est hors limites pour %2&#xa0;: elle doit être comprise entre %3 et %4.</translation>
    </message>
    <message>
        <source>Make a first scan before narrowing it.</source>
        <translation>Faites une première recherche avant de l’affiner.</translation>
    </message>
    <message>
        <source>Segment %1 is gone: %2</source>
        <translation>Le segment %1 a disparu&#xa0;: %2</translation>
    </message>
    <message>
        <source>Segment %1 was removed (IPC_RMID) and only this watch still held it: the watch ends.</source>
        <translation>Le segment %1 a été supprimé (IPC_RMID) et seule cette surveillance le retenait encore&#xa0;: la surveillance s’arrête.</translation>
    </message>
    <message>
        <source>The interval %1 is not valid: give a whole number of milliseconds from 1 to 3600000.</source>
        <translation>L’intervalle %1 n’est pas valide&#xa0;: donnez un nombre entier de millisecondes de 1 à 3600000.</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>impossible d’écrire&#xa0;: %1</translation>
    </message>
    <message>
        <source>read permission on the message queue</source>
        <translation>la permission de lecture sur la file de messages</translation>
    </message>
    <message>
        <source>write permission on the message queue</source>
        <translation>la permission d’écriture sur la file de messages</translation>
    </message>
    <message>
        <source>being the message queue&apos;s owner or creator, or privilege (CAP_SYS_ADMIN)</source>
        <translation>être propriétaire ou créateur de la file de messages, ou avoir le privilège CAP_SYS_ADMIN</translation>
    </message>
    <message>
        <source>the system limit is reached: all MSGMNI queue ids are in use (/proc/sys/kernel/msgmni)</source>
        <translation>la limite du système est atteinte&#xa0;: les MSGMNI identifiants de file sont tous pris (/proc/sys/kernel/msgmni)</translation>
    </message>
    <message>
        <source>a message queue with this key exists and its mode does not let you use it; you are %1</source>
        <translation>une file de messages de cette clé existe et ses droits ne vous permettent pas de l’utiliser&#xa0;; vous êtes %1</translation>
    </message>
    <message>
        <source>msg_qbytes (the most bytes a queue may hold) can be at most %1.</source>
        <translation>Le nombre maximal d’octets qu’une file peut contenir doit valoir au plus %1.</translation>
    </message>
    <message>
        <source>privilege (CAP_SYS_RESOURCE) to raise the queue above MSGMNB (%1 bytes, /proc/sys/kernel/msgmnb)</source>
        <translation>le privilège CAP_SYS_RESOURCE pour porter la file au-delà de MSGMNB (%1 octets, /proc/sys/kernel/msgmnb)</translation>
    </message>
    <message>
        <source>peeking at messages is not possible on this kernel: it was built without MSG_COPY (CONFIG_CHECKPOINT_RESTORE); a message can only be seen by receiving it</source>
        <translation>ce noyau ne permet pas de consulter les messages sans les retirer&#xa0;: il a été compilé sans MSG_COPY (CONFIG_CHECKPOINT_RESTORE)&#xa0;; on ne peut voir un message qu’en le recevant</translation>
    </message>
    <message>
        <source>A message&apos;s type must be 1 or more.</source>
        <translation>Le type d’un message doit valoir 1 ou plus.</translation>
    </message>
    <message>
        <source>The message has %1 bytes, above MSGMAX (%2 bytes, /proc/sys/kernel/msgmax).</source>
        <translation>Le message fait %1 octets, ce qui dépasse MSGMAX (%2 octets, /proc/sys/kernel/msgmax).</translation>
    </message>
    <message>
        <source>the queue is full: it holds %1 of its %2 bytes (msg_qbytes), and %3 bytes more do not fit; a receiver must take messages first, or the queue&apos;s owner raise msg_qbytes</source>
        <translation>la file est pleine&#xa0;: elle contient %1 de ses %2 octets (msg_qbytes), et %3 octets de plus n’y tiennent pas&#xa0;; un récepteur doit d’abord retirer des messages, ou le propriétaire de la file augmenter msg_qbytes</translation>
    </message>
    <message>
        <source>the queue is full</source>
        <translation>la file est pleine</translation>
    </message>
    <message>
        <source>The kernel refused the message&apos;s size or type.</source>
        <translation>Le noyau a refusé la taille ou le type du message.</translation>
    </message>
    <message>
        <source>no message of this type is in the queue</source>
        <translation>la file ne contient aucun message de ce type</translation>
    </message>
    <message>
        <source>read permission on the semaphore set</source>
        <translation>la permission de lecture sur l’ensemble de sémaphores</translation>
    </message>
    <message>
        <source>write (alter) permission on the semaphore set</source>
        <translation>la permission d’écriture (modification) sur l’ensemble de sémaphores</translation>
    </message>
    <message>
        <source>being the semaphore set&apos;s owner or creator, or privilege (CAP_SYS_ADMIN)</source>
        <translation>être propriétaire ou créateur de l’ensemble de sémaphores, ou avoir le privilège CAP_SYS_ADMIN</translation>
    </message>
    <message>
        <source>A semaphore&apos;s value must be 0 to %1 (SEMVMX, the kernel&apos;s limit).</source>
        <translation>La valeur d’un sémaphore doit être comprise entre 0 et %1 (SEMVMX, la limite du noyau).</translation>
    </message>
    <message>
        <source>a semaphore&apos;s value would go above %1 (SEMVMX, the kernel&apos;s limit)</source>
        <translation>la valeur d’un sémaphore dépasserait %1 (SEMVMX, la limite du noyau)</translation>
    </message>
    <message>
        <source>A set holds 1 to %1 semaphores (SEMMSL, the first number of /proc/sys/kernel/sem).</source>
        <translation>Un ensemble contient de 1 à %1 sémaphores (SEMMSL, le premier nombre de /proc/sys/kernel/sem).</translation>
    </message>
    <message>
        <source>the system limit is reached: all SEMMNI set ids are in use, or the total would exceed SEMMNS semaphores (/proc/sys/kernel/sem)</source>
        <translation>la limite du système est atteinte&#xa0;: les SEMMNI identifiants d’ensemble sont tous pris, ou le total dépasserait SEMMNS sémaphores (/proc/sys/kernel/sem)</translation>
    </message>
    <message>
        <source>a semaphore set with this key exists and its mode does not let you use it; you are %1</source>
        <translation>un ensemble de sémaphores de cette clé existe et ses droits ne vous permettent pas de l’utiliser&#xa0;; vous êtes %1</translation>
    </message>
    <message>
        <source>a semaphore set with this key exists with fewer semaphores than asked</source>
        <translation>un ensemble de sémaphores de cette clé existe, mais avec moins de sémaphores que demandé</translation>
    </message>
    <message>
        <source>The set has no semaphore number %1.</source>
        <translation>L’ensemble n’a pas de sémaphore numéro %1.</translation>
    </message>
    <message>
        <source>The set has %1 semaphores; %2 values were given.</source>
        <translation>L’ensemble a %1 sémaphores&#xa0;; %2 valeurs ont été données.</translation>
    </message>
    <message>
        <source>There is no operation to do.</source>
        <translation>Il n’y a aucune opération à faire.</translation>
    </message>
    <message>
        <source>At most %1 operations go in one semop (SEMOPM, the third number of /proc/sys/kernel/sem).</source>
        <translation>Un semop contient au plus %1 opérations (SEMOPM, le troisième nombre de /proc/sys/kernel/sem).</translation>
    </message>
    <message>
        <source>An operation changes a value by at most %1 (SEMVMX).</source>
        <translation>Une opération change une valeur d’au plus %1 (SEMVMX).</translation>
    </message>
    <message>
        <source>the operation would have to wait, and IPC_NOWAIT says not to</source>
        <translation>l’opération devrait attendre, et IPC_NOWAIT l’interdit</translation>
    </message>
    <message>
        <source>A semaphore number given is past the end of the set.</source>
        <translation>L’ensemble n’a pas de sémaphore pour l’un des numéros donnés.</translation>
    </message>
    <message>
        <source>too many operations in one call (SEMOPM)</source>
        <translation>trop d’opérations en un seul appel (SEMOPM)</translation>
    </message>
    <message>
        <source>SEM_UNDO needs memory for an undo record, and the limit of undo entries (SEMUME) is reached</source>
        <translation>SEM_UNDO a besoin de mémoire pour un enregistrement d’annulation, et la limite des entrées d’annulation (SEMUME) est atteinte</translation>
    </message>
    <message>
        <source>read permission for wait-for-zero and write (alter) permission for changes on the semaphore set</source>
        <translation>la permission de lecture pour attendre zéro et la permission d’écriture (modification) pour changer les valeurs de l’ensemble de sémaphores</translation>
    </message>
    <message>
        <source>there is no semaphore set with this id (it was removed, or never existed)</source>
        <translation>il n’existe aucun ensemble de sémaphores de cet identifiant (il a été supprimé, ou n’a jamais existé)</translation>
    </message>
    <message>
        <source>there is no message queue with this id (it was removed, or never existed)</source>
        <translation>il n’existe aucune file de messages de cet identifiant (elle a été supprimée, ou n’a jamais existé)</translation>
    </message>
    <message>
        <source>the semaphore set exists; the kernel refused an argument of the call</source>
        <translation>l’ensemble de sémaphores existe&#xa0;; le noyau a refusé un argument de l’appel</translation>
    </message>
    <message>
        <source>the message queue exists; the kernel refused an argument of the call</source>
        <translation>la file de messages existe&#xa0;; le noyau a refusé un argument de l’appel</translation>
    </message>
    <message>
        <source>this needs %1; the semaphore set has mode %2 (%3), owner %4 (uid %5), group %6 (gid %7), creator uid %8; you are %9</source>
        <translation>il faut %1&#xa0;; l’ensemble de sémaphores a les droits %2 (%3), le propriétaire %4 (uid %5), le groupe %6 (gid %7), le créateur uid %8&#xa0;; vous êtes %9</translation>
    </message>
    <message>
        <source>this needs %1; the message queue has mode %2 (%3), owner %4 (uid %5), group %6 (gid %7), creator uid %8; you are %9</source>
        <translation>il faut %1&#xa0;; la file de messages a les droits %2 (%3), le propriétaire %4 (uid %5), le groupe %6 (gid %7), le créateur uid %8&#xa0;; vous êtes %9</translation>
    </message>
    <message>
        <source>The process id %1 is not valid: a whole number above 0 is expected.</source>
        <translation>L&apos;identifiant de processus %1 n&apos;est pas valide&#xa0;: un nombre entier supérieur à 0 est attendu.</translation>
    </message>
    <message>
        <source>%1 is given more than once.</source>
        <translation>%1 est donnée plus d&apos;une fois.</translation>
    </message>
    <message>
        <source>--namespace is given more than once.</source>
        <translation>--namespace est donnée plus d&apos;une fois.</translation>
    </message>
    <message>
        <source>--namespace needs a process id (--namespace PID).</source>
        <translation>--namespace demande un identifiant de processus (--namespace PID).</translation>
    </message>
    <message>
        <source>unknown option %1.</source>
        <translation>option %1 inconnue.</translation>
    </message>
    <message>
        <source>--namespaces and --list cannot go together.</source>
        <translation>--namespaces et --list ne peuvent pas aller ensemble.</translation>
    </message>
    <message>
        <source>%1 goes with --list.</source>
        <translation>%1 s&apos;emploie avec --list.</translation>
    </message>
    <message>
        <source>nothing to do: give --list or --namespaces.</source>
        <translation>rien à faire&#xa0;: donnez --list ou --namespaces.</translation>
    </message>
    <message>
        <source>there is no process %1 (it exited, or never existed)</source>
        <translation>il n&apos;existe aucun processus %1 (il s&apos;est terminé, ou n&apos;a jamais existé)</translation>
    </message>
    <message>
        <source>A process id is a number above 0.</source>
        <translation>Un identifiant de processus est un nombre supérieur à 0.</translation>
    </message>
    <message>
        <source>reading the IPC namespace of process %1 needs the right to inspect it (ptrace read: the same user, or CAP_SYS_PTRACE); you are %2</source>
        <translation>lire l&apos;espace de noms IPC du processus %1 demande le droit de l&apos;inspecter (lecture ptrace&#xa0;: le même utilisateur, ou CAP_SYS_PTRACE)&#xa0;; vous êtes %2</translation>
    </message>
    <message>
        <source>entering the IPC namespace of process %1 needs CAP_SYS_ADMIN over the user namespace that owns it (run as root, or from that container&apos;s user namespace); you are %2</source>
        <translation>entrer dans l&apos;espace de noms IPC du processus %1 demande CAP_SYS_ADMIN sur l&apos;espace de noms utilisateur qui le possède (lancez en root, ou depuis l&apos;espace de noms utilisateur de ce conteneur)&#xa0;; vous êtes %2</translation>
    </message>
    <message>
        <source>mode %1 (%2), owner %3 (uid %4), group %5 (gid %6)</source>
        <translation>les droits %1 (%2), le propriétaire %3 (uid %4), le groupe %5 (gid %6)</translation>
    </message>
    <message>
        <source>there is no POSIX shared memory object %1 in %2</source>
        <translation>il n&apos;existe aucun objet de mémoire partagée POSIX %1 dans %2</translation>
    </message>
    <message>
        <source>an object named %1 exists already, and the creation was exclusive</source>
        <translation>un objet nommé %1 existe déjà, et la création était exclusive</translation>
    </message>
    <message>
        <source>this needs %1; the object has %2; you are %3</source>
        <translation>il faut %1&#xa0;; l&apos;objet a %2&#xa0;; vous êtes %3</translation>
    </message>
    <message>
        <source>this needs %1; the directory %2 has %3; you are %4</source>
        <translation>il faut %1&#xa0;; le répertoire %2 a %3&#xa0;; vous êtes %4</translation>
    </message>
    <message>
        <source>the tmpfs of %1 is full (no free inode or space; see df %1)</source>
        <translation>le tmpfs de %1 est plein (plus d&apos;inode ou d&apos;espace libre&#xa0;; voir df %1)</translation>
    </message>
    <message>
        <source>the size is more than a file of this file system can have</source>
        <translation>la taille dépasse ce qu&apos;un fichier de ce système de fichiers peut contenir</translation>
    </message>
    <message>
        <source>read and write permission on the object</source>
        <translation>les permissions de lecture et d&apos;écriture sur l&apos;objet</translation>
    </message>
    <message>
        <source>A POSIX shared memory name is / followed by a name, e.g. /mydata.</source>
        <translation>Un nom de mémoire partagée POSIX est un / suivi d&apos;un nom, par exemple /mydata.</translation>
    </message>
    <message>
        <source>A POSIX shared memory name holds no other / than the first, and is not . or ..</source>
        <translation>Un nom de mémoire partagée POSIX ne contient pas d&apos;autre / que le premier, et n&apos;est ni . ni ..</translation>
    </message>
    <message>
        <source>A POSIX shared memory name has at most %1 bytes after the /.</source>
        <translation>Un nom de mémoire partagée POSIX a au plus %1 octets après le /.</translation>
    </message>
    <message>
        <source>A mode is an octal number from 0 to 0777.</source>
        <translation>Les droits sont un nombre octal compris entre 0 et 0777.</translation>
    </message>
    <message>
        <source>write permission on the directory</source>
        <translation>la permission d&apos;écriture sur le répertoire</translation>
    </message>
    <message>
        <source>%1 is sticky: only the object&apos;s owner (%2, uid %3), the directory&apos;s owner or a process with CAP_FOWNER may remove it; you are %4</source>
        <translation>%1 a le bit sticky&#xa0;: seuls le propriétaire de l&apos;objet (%2, uid %3), le propriétaire du répertoire ou un processus doté de CAP_FOWNER peuvent le supprimer&#xa0;; vous êtes %4</translation>
    </message>
    <message>
        <source>The number of children %1 is not valid: give a whole number from 1 to %2.</source>
        <translation>Le nombre de fils %1 n&apos;est pas valide&#xa0;: donnez un nombre entier de 1 à %2.</translation>
    </message>
    <message>
        <source>The number of increments %1 is not valid: give a whole number from 1 to %2.</source>
        <translation>Le nombre d&apos;incréments %1 n&apos;est pas valide&#xa0;: donnez un nombre entier de 1 à %2.</translation>
    </message>
    <message>
        <source>%1 children times %2 increments make %3: the shared int cannot count past %4. Give fewer children or increments.</source>
        <translation>%1 fils fois %2 incréments font %3&#xa0;: l&apos;int partagé ne peut pas compter au-delà de %4. Donnez moins de fils ou d&apos;incréments.</translation>
    </message>
    <message>
        <source>The demo already made its semaphore set.</source>
        <translation>La démonstration a déjà créé son ensemble de sémaphores.</translation>
    </message>
    <message>
        <source>There is no semaphore set yet: semget comes first.</source>
        <translation>Il n&apos;y a pas encore d&apos;ensemble de sémaphores&#xa0;: semget vient d&apos;abord.</translation>
    </message>
    <message>
        <source>There is no semaphore set.</source>
        <translation>Il n&apos;y a pas d&apos;ensemble de sémaphores.</translation>
    </message>
    <message>
        <source>The children still use the semaphore: wait for them first.</source>
        <translation>Les fils utilisent encore le sémaphore&#xa0;: attendez-les d&apos;abord.</translation>
    </message>
    <message>
        <source>The children of the last run are still counting.</source>
        <translation>Les fils du dernier lancement comptent encore.</translation>
    </message>
    <message>
        <source>The semaphore comes first: semget and semctl SETVAL.</source>
        <translation>Le sémaphore vient d&apos;abord&#xa0;: semget et semctl SETVAL.</translation>
    </message>
    <message>
        <source>%1 children add 1 to a shared int %2 times each: %3 if no update is lost.</source>
        <translation>%1 fils ajoutent 1 à un int partagé %2 fois chacun&#xa0;: %3 si aucune mise à jour n&apos;est perdue.</translation>
    </message>
    <message>
        <source>released together</source>
        <translation>libérés ensemble</translation>
    </message>
    <message>
        <source>every child exited with 0</source>
        <translation>tous les fils se sont terminés avec le code 0</translation>
    </message>
    <message>
        <source>a child failed</source>
        <translation>un fils a échoué</translation>
    </message>
    <message>
        <source>(%1 updates lost)</source>
        <translation>(%1 mises à jour perdues)</translation>
    </message>
    <message>
        <source>total %1 in %2 ms</source>
        <translation>total %1 en %2 ms</translation>
    </message>
    <message>
        <source>%1 cannot be laid out: %2</source>
        <translation>impossible de calculer la disposition de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>libclang could not parse %1 (error %2).</source>
        <translation>libclang n&apos;a pas pu analyser %1 (erreur %2).</translation>
    </message>
    <message>
        <source>%1 does not parse as C:%2</source>
        <translation>%1 ne peut pas être analysé comme du C&#xa0;:%2</translation>
    </message>
    <message>
        <source>--dump needs --layout FILE: a C header or source, or a program with debug info.</source>
        <translation>--dump demande --layout FILE&#xa0;: un en-tête ou un fichier source C, ou un programme avec des informations de débogage.</translation>
    </message>
    <message>
        <source>--dump needs --type NAME, e.g. --type &quot;struct record&quot;.</source>
        <translation>--dump demande --type NAME, par exemple --type &quot;struct record&quot;.</translation>
    </message>
    <message>
        <source>%1 is %2 bytes: from offset %3 it runs past the end of the segment, which is %4 bytes.</source>
        <translation>%1 fait %2 octets&#xa0;: à partir de la position %3, il dépasse la fin du segment, qui fait %4 octets.</translation>
    </message>
    <message>
        <source>only the first %1 fields are shown.</source>
        <translation>seuls les %1 premiers champs sont affichés.</translation>
    </message>
    <message>
        <source>cannot write the fields: %1</source>
        <translation>impossible d&apos;écrire les champs&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2 bytes) at offset %3 of shmid %4</source>
        <translation>%1 (%2 octets) à la position %3 du shmid %4</translation>
    </message>
    <message>
        <source>%1 has no debug info (DWARF) to take types from, and none is installed for it under /usr/lib/debug: build it with -g, or give its separate debug file.</source>
        <translation>%1 n&apos;a pas d&apos;informations de débogage (DWARF) d&apos;où tirer les types, et aucune n&apos;est installée pour lui sous /usr/lib/debug&#xa0;: compilez-le avec -g, ou donnez son fichier de débogage séparé.</translation>
    </message>
    <message>
        <source>%1 cannot be read as an ELF file: %2</source>
        <translation>%1 ne peut pas être lu comme un fichier ELF&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 declares no type; there is no %2 in it.</source>
        <translation>%1 ne déclare aucun type&#xa0;; %2 n&apos;y figure donc pas.</translation>
    </message>
    <message>
        <source>there is no type %1 in %2; its types are: %3</source>
        <translation>il n&apos;y a pas de type %1 dans %2&#xa0;; ses types sont&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 needs %2 bytes; %3 were given.</source>
        <translation>%1 demande %2 octets&#xa0;; %3 ont été donnés.</translation>
    </message>
    <message>
        <source>the page could not be read.</source>
        <translation>la page n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>the page was not read (not in memory).</source>
        <translation>la page n&apos;a pas été lue (elle n&apos;est pas en mémoire).</translation>
    </message>
    <message>
        <source>%1 lies outside the type.</source>
        <translation>%1 est en dehors du type.</translation>
    </message>
    <message>
        <source>read permission on the file</source>
        <translation>le droit de lecture sur le fichier</translation>
    </message>
    <message>
        <source>read and write permission on the file</source>
        <translation>les droits de lecture et d’écriture sur le fichier</translation>
    </message>
    <message>
        <source>process %1 has exited</source>
        <translation>le processus %1 est sorti</translation>
    </message>
    <message>
        <source>process %1 has no descriptor %2 now (it closed it)</source>
        <translation>le processus %1 n’a plus de descripteur %2 (il l’a fermé)</translation>
    </message>
    <message>
        <source>process %1 has no mapping at %2 now (it unmapped it)</source>
        <translation>le processus %1 n’a plus de projection en %2 (il l’a retirée)</translation>
    </message>
    <message>
        <source>the object was removed (shm_unlink), or never existed</source>
        <translation>l’objet a été supprimé (shm_unlink), ou n’a jamais existé</translation>
    </message>
    <message>
        <source>%1 belongs to process %2, and opening it needs the right to read that process (ptrace read: being its user while it is dumpable, or having CAP_SYS_PTRACE); the process runs as %3 (uid %4); you are %5</source>
        <translation>%1 appartient au processus %2, et l’ouvrir demande le droit de lire ce processus (lecture ptrace&#xa0;: être son utilisateur tant qu’il est «&#xa0;dumpable&#xa0;», ou avoir CAP_SYS_PTRACE)&#xa0;; le processus tourne en tant que %3 (uid %4)&#xa0;; vous êtes %5</translation>
    </message>
    <message>
        <source>%1 is a mapping of process %2, and opening one through map_files needs CAP_SYS_ADMIN (run as root); you are %3</source>
        <translation>%1 est une projection du processus %2, et en ouvrir une par map_files demande CAP_SYS_ADMIN (lancer en root)&#xa0;; vous êtes %3</translation>
    </message>
    <message>
        <source>this needs %1; the file has %2; you are %3</source>
        <translation>il faut %1&#xa0;; le fichier a %2&#xa0;; vous êtes %3</translation>
    </message>
    <message>
        <source>the memfd is sealed against writing (F_SEAL_WRITE): nobody may map it read-write, but it can be shown read-only</source>
        <translation>le memfd est scellé contre l’écriture (F_SEAL_WRITE)&#xa0;: personne ne peut le projeter en lecture-écriture, mais il peut être montré en lecture seule</translation>
    </message>
    <message>
        <source>the object (%1) does not fit in this process&apos;s free address space</source>
        <translation>l’objet (%1) ne tient pas dans l’espace d’adressage libre de ce processus</translation>
    </message>
    <message>
        <source>the files of this file system cannot be mapped</source>
        <translation>les fichiers de ce système de fichiers ne peuvent pas être projetés</translation>
    </message>
    <message>
        <source>This is not a regular file, as a POSIX object or a memfd is: it cannot be shown as memory.</source>
        <translation>Ce n’est pas un fichier ordinaire, comme l’est un objet POSIX ou un memfd&#xa0;: il ne peut pas être montré comme de la mémoire.</translation>
    </message>
    <message>
        <source>The object is empty (0 bytes): there is nothing to show. Open it again once a program has given it a size (ftruncate).</source>
        <translation>L’objet est vide (0 octet)&#xa0;: il n’y a rien à montrer. Rouvrez-le quand un programme lui aura donné une taille (ftruncate).</translation>
    </message>
    <message>
        <source>The file is not mapped.</source>
        <translation>Le fichier n’est pas projeté.</translation>
    </message>
    <message>
        <source>This page lies past the end of the file: another process truncated it while it was mapped, and its bytes are gone (touching the page would raise SIGBUS).</source>
        <translation>Cette page est au-delà de la fin du fichier&#xa0;: un autre processus l’a tronqué pendant qu’il était projeté, et ses octets n’existent plus (toucher la page lèverait SIGBUS).</translation>
    </message>
</context>
<context>
    <name>valuecodec</name>
    <message>
        <source>char</source>
        <translation>char</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binaire</translation>
    </message>
    <message>
        <source>out of range (%1)</source>
        <translation>hors limites (%1)</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>non valide</translation>
    </message>
    <message>
        <source>Expected seconds since 1970 or an ISO date such as 2024-05-01T12:00:00Z.</source>
        <translation>Attendu&#xa0;: des secondes depuis 1970 ou une date ISO comme 2024-05-01T12:00:00Z.</translation>
    </message>
    <message>
        <source>Expected one Latin-1 character.</source>
        <translation>Attendu&#xa0;: un caractère Latin-1.</translation>
    </message>
    <message>
        <source>Expected at least one character.</source>
        <translation>Attendu&#xa0;: au moins un caractère.</translation>
    </message>
    <message>
        <source>Expected up to 8 binary digits, such as 0100 1101.</source>
        <translation>Attendu&#xa0;: jusqu&apos;à 8 chiffres binaires, comme 0100 1101.</translation>
    </message>
    <message>
        <source>Unknown type.</source>
        <translation>Type inconnu.</translation>
    </message>
</context>
</TS>
