"""Fill the Spanish and French catalogues from the table below (a developer tool).

Run after `pybabel update`; then `pybabel compile -d tracker/translations`.
Translators can edit the .po files directly; this table only seeds them.
"""

from babel.messages.pofile import read_po, write_po

T = {
    # Briefs, dashboards, exports and the footer's source dates
    "Last fetched:": ("Última obtención:", "Dernière collecte :"),
    "No data fetched yet.": ("Aún no se ha obtenido ningún dato.",
                             "Aucune donnée collectée pour l'instant."),
    "Deleted briefs": ("Informes eliminados", "Notes supprimées"),
    "A deleted brief keeps its versions and can be restored as it was. The audit log records "
    "who deleted and restored it.": (
        "Un informe eliminado conserva sus versiones y puede restaurarse tal como estaba. El "
        "registro de auditoría indica quién lo eliminó y lo restauró.",
        "Une note supprimée garde ses versions et peut être restaurée telle quelle. Le journal "
        "d'audit indique qui l'a supprimée et restaurée."),
    "Title": ("Título", "Titre"),
    "Subject": ("Tema", "Sujet"),
    "Deleted": ("Eliminado", "Supprimée"),
    "By": ("Por", "Par"),
    "Restore": ("Restaurar", "Restaurer"),
    "No deleted briefs.": ("No hay informes eliminados.", "Aucune note supprimée."),
    "Geneva meeting briefs": ("Informes para reuniones en Ginebra",
                              "Notes pour les réunions à Genève"),
    "A brief gathers what the Special Procedures sent, what States replied and who sponsors "
    "what, for a meeting with a mandate holder or a delegation. The figures come from the "
    "data; the context, talking points and asks are yours.": (
        "Un informe reúne lo que enviaron los Procedimientos Especiales, lo que respondieron "
        "los Estados y quién patrocina qué, para una reunión con un titular de mandato o una "
        "delegación. Las cifras provienen de los datos; el contexto, los puntos de discusión y "
        "las peticiones son suyos.",
        "Une note rassemble ce que les procédures spéciales ont envoyé, ce que les États ont "
        "répondu et qui parraine quoi, pour une réunion avec un titulaire de mandat ou une "
        "délégation. Les chiffres viennent des données ; le contexte, les éléments de langage "
        "et les demandes sont les vôtres."),
    "New brief": ("Nuevo informe", "Nouvelle note"),
    "Meeting with the SR on human rights defenders, Thursday": (
        "Reunión con el RE sobre defensores de derechos humanos, jueves",
        "Réunion avec le RS sur les défenseurs des droits humains, jeudi"),
    "Create the brief": ("Crear el informe", "Créer la note"),
    "Author": ("Autor", "Auteur"),
    "Version": ("Versión", "Version"),
    "Last changed": ("Último cambio", "Dernière modification"),
    "No briefs yet.": ("Aún no hay informes.", "Aucune note pour l'instant."),
    "Version %(n)d": ("Versión %(n)d", "Version %(n)d"),
    "Every figure and item links to its UN source.": (
        "Cada cifra y cada elemento enlazan con su fuente de la ONU.",
        "Chaque chiffre et chaque élément renvoient à leur source onusienne."),
    "This brief was deleted on %(day)s by %(who)s. It is kept with its versions.": (
        "Este informe fue eliminado el %(day)s por %(who)s. Se conserva con sus versiones.",
        "Cette note a été supprimée le %(day)s par %(who)s. Elle est conservée avec ses "
        "versions."),
    "Restore this brief": ("Restaurar este informe", "Restaurer cette note"),
    "Export and change": ("Exportar y modificar", "Exporter et modifier"),
    "Word (DOCX)": ("Word (DOCX)", "Word (DOCX)"),
    "Refresh the data": ("Actualizar los datos", "Actualiser les données"),
    "Duplicate": ("Duplicar", "Dupliquer"),
    "Delete": ("Eliminar", "Supprimer"),
    "Changed in the data since version %(n)d": (
        "Cambios en los datos desde la versión %(n)d",
        "Changements dans les données depuis la version %(n)d"),
    "Context": ("Contexto", "Contexte"),
    "Talking points": ("Puntos de discusión", "Éléments de langage"),
    "Asks": ("Peticiones", "Demandes"),
    "Headline figures": ("Cifras principales", "Chiffres clés"),
    "Communications (%(n)d)": ("Comunicaciones (%(n)d)", "Communications (%(n)d)"),
    "The %(n)d most recent are listed; the full list is in the tracker:": (
        "Se enumeran las %(n)d más recientes; la lista completa está en el rastreador:",
        "Les %(n)d plus récentes sont listées ; la liste complète est dans l'outil :"),
    "all communications": ("todas las comunicaciones", "toutes les communications"),
    "Reference": ("Referencia", "Référence"),
    "Date": ("Fecha", "Date"),
    "Addressee": ("Destinatario", "Destinataire"),
    "Summary": ("Resumen", "Résumé"),
    "received": ("recibida", "reçue"),
    "awaited": ("pendiente", "attendue"),
    "Status:": ("Situación:", "Statut :"),
    "Regional group": ("Grupo regional", "Groupe régional"),
    "Members": ("Miembros", "Membres"),
    "Not sponsoring": ("No patrocinan", "Ne parrainent pas"),
    "Edit your sections": ("Editar sus secciones", "Modifier vos sections"),
    "What changed (optional)": ("Qué cambió (opcional)", "Ce qui a changé (facultatif)"),
    "Save a new version": ("Guardar una nueva versión", "Enregistrer une nouvelle version"),
    "Editors change briefs; your account reads them.": (
        "Los editores modifican los informes; su cuenta los lee.",
        "Les éditeurs modifient les notes ; votre compte les lit."),
    "Versions": ("Versiones", "Versions"),
    "When": ("Cuándo", "Quand"),
    "Actions": ("Acciones", "Actions"),
    "data": ("datos", "données"),
    "Words": ("Palabras", "Mots"),
    "All mandates": ("Todos los mandatos", "Tous les mandats"),
    "Regions": ("Regiones", "Régions"),
    "Total": ("Total", "Total"),
    "Concerning women": ("Relativas a mujeres", "Concernant des femmes"),
    "not yet coded": ("aún sin codificar", "pas encore codé"),
    "All": ("Todas", "Toutes"),
    "Companies and other non-State addressees belong to no region, so the regions may add up "
    "to less than the total.": (
        "Las empresas y otros destinatarios no estatales no pertenecen a ninguna región, así "
        "que la suma de las regiones puede ser menor que el total.",
        "Les entreprises et les autres destinataires non étatiques n'appartiennent à aucune "
        "région : la somme des régions peut donc être inférieure au total."),
    "● main sponsor · ◐ co-sponsor or joined later · ✕ withdrew · blank: never sponsored · –: "
    "not a UN member on the day": (
        "● patrocinador principal · ◐ copatrocinador o se sumó después · ✕ se retiró · en "
        "blanco: nunca patrocinó · –: no era miembro de la ONU ese día",
        "● auteur principal · ◐ coauteur ou ralliement ultérieur · ✕ s'est retiré · vide : "
        "jamais parrainé · – : pas membre de l'ONU ce jour-là"),
    "main sponsor": ("patrocinador principal", "auteur principal"),
    "co-sponsor": ("copatrocinador", "coauteur"),
    "withdrew": ("se retiró", "s'est retiré"),
    "not a sponsor": ("no patrocinador", "non parrain"),
    "not a UN member on the day": ("no era miembro de la ONU ese día",
                                   "pas membre de l'ONU ce jour-là"),
    "No sponsorship data yet.": ("Aún no hay datos de patrocinio.",
                                 "Pas encore de données de parrainage."),
    "No source has been fetched yet.": ("Aún no se ha obtenido ninguna fuente.",
                                        "Aucune source n'a encore été collectée."),
    "Sources last fetched: %(list)s.": ("Última obtención de las fuentes: %(list)s.",
                                        "Dernière collecte des sources : %(list)s."),
    "Status: %(status)s": ("Situación: %(status)s", "Statut : %(status)s"),
    "Source:": ("Fuente:", "Source :"),
    "%(part)d of %(coded)d coded (%(percent)d %%)": (
        "%(part)d de %(coded)d codificadas (%(percent)d %%)",
        "%(part)d sur %(coded)d codées (%(percent)d %%)"),
    "%(subject)s · %(start)s to %(end)s": ("%(subject)s · del %(start)s al %(end)s",
                                           "%(subject)s · du %(start)s au %(end)s"),
    "today": ("hoy", "aujourd'hui"),
    "UN members on the day": ("Miembros de la ONU ese día", "Membres de l'ONU ce jour-là"),
    "Members not sponsoring": ("Miembros que no patrocinan", "Membres qui ne parrainent pas"),
    "Communications sent": ("Comunicaciones enviadas", "Communications envoyées"),
    "  of which %(type)s": ("  de ellas %(type)s", "  dont %(type)s"),
    "Replies received": ("Respuestas recibidas", "Réponses reçues"),
    "Replies awaited": ("Respuestas pendientes", "Réponses attendues"),
    "Concerning women human rights defenders": (
        "Relativas a defensoras de derechos humanos",
        "Concernant des défenseures des droits humains"),
    "UN Special Procedures communications": (
        "Comunicaciones de los Procedimientos Especiales de la ONU",
        "Communications des procédures spéciales de l'ONU"),
    "UN Digital Library": ("Biblioteca Digital de la ONU", "Bibliothèque numérique de l'ONU"),
    "UNBISnet catalogue of draft resolutions": (
        "Catálogo UNBISnet de proyectos de resolución",
        "Catalogue UNBISnet des projets de résolution"),
    "Human Rights Council documents": ("Documentos del Consejo de Derechos Humanos",
                                       "Documents du Conseil des droits de l'homme"),
    "A mandate": ("Un mandato", "Un mandat"),
    "A State": ("Un Estado", "Un État"),
    "A region": ("Una región", "Une région"),
    "A resolution": ("Una resolución", "Une résolution"),
    "Final sponsors of %(symbol)s by regional group": (
        "Patrocinadores finales de %(symbol)s por grupo regional",
        "Auteurs finaux de %(symbol)s par groupe régional"),
    "of %(n)d": ("de %(n)d", "sur %(n)d"),
    "Saved as version %(n)d.": ("Guardado como versión %(n)d.",
                                "Enregistrée comme version %(n)d."),
    "Refreshed: %(n)d change(s) in the data.": (
        "Actualizado: %(n)d cambio(s) en los datos.",
        "Actualisée : %(n)d changement(s) dans les données."),
    "Version %(old)d restored as version %(new)d.": (
        "Versión %(old)d restaurada como versión %(new)d.",
        "Version %(old)d restaurée comme version %(new)d."),
    "This brief is deleted: restore it before changing it.": (
        "Este informe está eliminado: restáurelo antes de modificarlo.",
        "Cette note est supprimée : restaurez-la avant de la modifier."),
    "“%(title)s” was deleted. Editors can restore it from the deleted briefs.": (
        "Se eliminó «%(title)s». Los editores pueden restaurarlo desde los informes "
        "eliminados.",
        "« %(title)s » a été supprimée. Les éditeurs peuvent la restaurer depuis les notes "
        "supprimées."),
    "“%(title)s” was restored.": ("Se restauró «%(title)s».", "« %(title)s » a été restaurée."),
    "Communications by region": ("Comunicaciones por región", "Communications par région"),
    "(%(replied)d of %(n)d)": ("(%(replied)d de %(n)d)", "(%(replied)d sur %(n)d)"),
    "Share of communications with a reply, the 20 States that received most": (
        "Proporción de comunicaciones con respuesta, los 20 Estados que más recibieron",
        "Part des communications ayant reçu une réponse, les 20 États qui en ont reçu le plus"),
    # Accounts, two-factor sign-in and the audit log
    "Sign in": ("Iniciar sesión", "Se connecter"),
    "Sign out": ("Cerrar sesión", "Se déconnecter"),
    "Username": ("Nombre de usuario", "Nom d'utilisateur"),
    "Password": ("Contraseña", "Mot de passe"),
    "Accounts are created by your organisation’s administrator. Editors and administrators "
    "confirm each sign-in with a code from an authenticator app.": (
        "Las cuentas las crea el administrador de su organización. Editores y administradores "
        "confirman cada inicio de sesión con un código de una aplicación de autenticación.",
        "Les comptes sont créés par l'administrateur de votre organisation. Les éditeurs et "
        "les administrateurs confirment chaque connexion avec le code d'une application "
        "d'authentification."),
    "Two-factor code": ("Código de verificación en dos pasos", "Code de double authentification"),
    "The six digits your authenticator app shows, or one of your recovery codes": (
        "Los seis dígitos que muestra su aplicación de autenticación, o uno de sus códigos de "
        "recuperación",
        "Les six chiffres affichés par votre application d'authentification, ou l'un de vos "
        "codes de secours"),
    "Set up two-factor sign-in": ("Configurar la verificación en dos pasos",
                                  "Configurer la double authentification"),
    "Your role changes what partners and diplomats read, so every sign-in is confirmed with a "
    "code from an authenticator app on your phone (for example Aegis, FreeOTP or Google "
    "Authenticator).": (
        "Su función cambia lo que leen socios y diplomáticos, así que cada inicio de sesión se "
        "confirma con un código de una aplicación de autenticación en su teléfono (por ejemplo "
        "Aegis, FreeOTP o Google Authenticator).",
        "Votre rôle change ce que lisent partenaires et diplomates : chaque connexion est donc "
        "confirmée par le code d'une application d'authentification sur votre téléphone (par "
        "exemple Aegis, FreeOTP ou Google Authenticator)."),
    "Scan this code with the app, or type the key below into it.": (
        "Escanee este código con la aplicación o escriba en ella la clave de abajo.",
        "Scannez ce code avec l'application, ou saisissez-y la clé ci-dessous."),
    "Type the six digits the app shows.": ("Escriba los seis dígitos que muestra la aplicación.",
                                           "Saisissez les six chiffres affichés par "
                                           "l'application."),
    "Code from the app": ("Código de la aplicación", "Code de l'application"),
    "Recovery codes": ("Códigos de recuperación", "Codes de secours"),
    "If you lose your phone, each of these codes signs you in once instead of the app. Print "
    "them or keep them in a password manager now: this page is the only time they are shown.": (
        "Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez en "
        "lugar de la aplicación. Imprímalos o guárdelos ahora en un gestor de contraseñas: esta "
        "página es la única vez que se muestran.",
        "Si vous perdez votre téléphone, chacun de ces codes vous connecte une fois à la place "
        "de l'application. Imprimez-les ou gardez-les dès maintenant dans un gestionnaire de "
        "mots de passe : ils ne sont affichés que sur cette page."),
    "I have kept them: continue": ("Los he guardado: continuar", "Je les ai gardés : continuer"),
    "Your account": ("Su cuenta", "Votre compte"),
    "Role": ("Función", "Rôle"),
    "Two-factor sign-in": ("Verificación en dos pasos", "Double authentification"),
    "on; %(n)d recovery codes left": ("activada; quedan %(n)d códigos de recuperación",
                                      "activée ; %(n)d codes de secours restants"),
    "off": ("desactivada", "désactivée"),
    "Make new recovery codes (the old ones stop working)": (
        "Crear nuevos códigos de recuperación (los anteriores dejan de funcionar)",
        "Créer de nouveaux codes de secours (les anciens ne fonctionnent plus)"),
    "Change your password": ("Cambiar su contraseña", "Changer votre mot de passe"),
    "Current password": ("Contraseña actual", "Mot de passe actuel"),
    "New password (at least 12 characters)": ("Nueva contraseña (al menos 12 caracteres)",
                                              "Nouveau mot de passe (au moins 12 caractères)"),
    "New password again": ("Repita la nueva contraseña", "Nouveau mot de passe, à nouveau"),
    "Change the password": ("Cambiar la contraseña", "Changer le mot de passe"),
    "Changing the password signs you out everywhere.": (
        "Cambiar la contraseña cierra todas sus sesiones.",
        "Changer le mot de passe vous déconnecte partout."),
    "Audit log": ("Registro de auditoría", "Journal d'audit"),
    "Every sign-in, failed sign-in, brief read, export and change, with who, when (UTC) and "
    "from which address. Entries cannot be changed or removed.": (
        "Cada inicio de sesión, intento fallido, lectura, exportación y cambio de nota "
        "informativa, con quién, cuándo (UTC) y desde qué dirección. Las entradas no se pueden "
        "modificar ni borrar.",
        "Chaque connexion, échec de connexion, lecture, export et modification de note, avec "
        "qui, quand (UTC) et depuis quelle adresse. Les entrées ne peuvent être ni modifiées ni "
        "supprimées."),
    "Accounts": ("Cuentas", "Comptes"),
    "User": ("Usuario", "Utilisateur"),
    "Action": ("Acción", "Action"),
    "any": ("cualquiera", "toutes"),
    "From": ("Desde", "Du"),
    "to": ("hasta", "au"),
    "Address": ("Dirección", "Adresse"),
    "Filter": ("Filtrar", "Filtrer"),
    "When (UTC)": ("Cuándo (UTC)", "Quand (UTC)"),
    "What": ("Qué", "Quoi"),
    "Nothing matches.": ("Nada coincide.", "Aucun résultat."),
    "Accounts are managed on the server with `tracker user "
    "add|disable|enable|set-role|reset-2fa|password`. Users are disabled, never deleted, so the "
    "audit log keeps naming them.": (
        "Las cuentas se gestionan en el servidor con `tracker user "
        "add|disable|enable|set-role|reset-2fa|password`. Los usuarios se desactivan, nunca se "
        "borran, para que el registro de auditoría siga nombrándolos.",
        "Les comptes se gèrent sur le serveur avec `tracker user "
        "add|disable|enable|set-role|reset-2fa|password`. Les utilisateurs sont désactivés, "
        "jamais supprimés, pour que le journal d'audit continue de les nommer."),
    "Last sign-in (UTC)": ("Último inicio de sesión (UTC)", "Dernière connexion (UTC)"),
    "Status": ("Estado", "Statut"),
    "disabled": ("desactivada", "désactivé"),
    "active": ("activa", "actif"),
    "an editor decides": ("decide un editor", "un éditeur décide"),
    "Sign in again: the sign-in took too long.": (
        "Vuelva a iniciar sesión: el inicio tardó demasiado.",
        "Reconnectez-vous : la connexion a pris trop de temps."),
    "You used a recovery code; %(n)d left. Renew them on your account page.": (
        "Ha usado un código de recuperación; quedan %(n)d. Renuévelos en la página de su cuenta.",
        "Vous avez utilisé un code de secours ; il en reste %(n)d. Renouvelez-les sur la page "
        "de votre compte."),
    "You are signed out.": ("Ha cerrado la sesión.", "Vous êtes déconnecté."),
    "Your current password is not right.": ("Su contraseña actual no es correcta.",
                                            "Votre mot de passe actuel n'est pas le bon."),
    "The two new passwords differ.": ("Las dos contraseñas nuevas no coinciden.",
                                      "Les deux nouveaux mots de passe diffèrent."),
    "Password changed. Sign in with the new one.": (
        "Contraseña cambiada. Inicie sesión con la nueva.",
        "Mot de passe changé. Connectez-vous avec le nouveau."),
    "Set up two-factor sign-in first.": ("Configure primero la verificación en dos pasos.",
                                         "Configurez d'abord la double authentification."),
    "Download:": ("Descargar:", "Télécharger :"),
    "Atom feed": ("Canal Atom", "Flux Atom"),
    "Pages": ("Páginas", "Pages"),
    "Previous": ("Anterior", "Précédente"),
    "Page %(page)s of %(pages)s": ("Página %(page)s de %(pages)s", "Page %(page)s sur %(pages)s"),
    "Next": ("Siguiente", "Suivante"),
    "Skip to content": ("Ir al contenido", "Aller au contenu"),
    "Main": ("Principal", "Principal"),
    "Communications": ("Comunicaciones", "Communications"),
    "States": ("Estados", "États"),
    "Resolutions": ("Resoluciones", "Résolutions"),
    "Dashboards": ("Tableros", "Tableaux de bord"),
    "Briefs": ("Notas informativas", "Notes d'information"),
    "Data quality": ("Calidad de los datos", "Qualité des données"),
    "Members counted": ("Miembros contados", "Membres comptés"),
    "Only Human Rights Council members on %(day)s": (
        "Solo los miembros del Consejo de Derechos Humanos el %(day)s",
        "Seulement les membres du Conseil des droits de l'homme le %(day)s"),
    "Counted among the States on the Human Rights Council that day.": (
        "Contados entre los Estados miembros del Consejo de Derechos Humanos ese día.",
        "Comptés parmi les États membres du Conseil des droits de l'homme ce jour-là."),
    "UN members on %(day)s": ("Miembros de la ONU el %(day)s", "Membres de l'ONU le %(day)s"),
    "the date of the last draft; the adoption date is not recorded": (
        "la fecha del último proyecto; no consta la fecha de aprobación",
        "la date du dernier projet ; la date d'adoption n'est pas connue"),
    "The draft was withdrawn by its sponsors: no State sponsors it in the end.": (
        "Los patrocinadores retiraron el proyecto: al final ningún Estado lo patrocina.",
        "Le projet a été retiré par ses auteurs : au bout du compte, aucun État ne le "
        "parraine."),
    "The %(n)d most recent resolutions; a State that was not a UN member on the day shows –.": (
        "Las %(n)d resoluciones más recientes; un Estado que no era miembro de la ONU ese día "
        "aparece con –.",
        "Les %(n)d résolutions les plus récentes ; un État qui n'était pas membre de l'ONU ce "
        "jour-là est marqué –."),
    "What the imports read but could not use as it stands. A name that matched nothing is "
    "listed, never guessed; a name matched by similarity counts provisionally until a person "
    "confirms or rejects it.": (
        "Lo que las importaciones leyeron pero no pudieron usar tal cual. Un nombre que no "
        "coincide con nada se enumera, nunca se adivina; un nombre asociado por similitud cuenta "
        "de forma provisional hasta que una persona lo confirme o lo rechace.",
        "Ce que les importations ont lu sans pouvoir l'utiliser tel quel. Un nom qui ne "
        "correspond à rien est listé, jamais deviné ; un nom rapproché par similarité compte à "
        "titre provisoire jusqu'à ce qu'une personne le confirme ou le rejette."),
    "Unresolved names": ("Nombres sin resolver", "Noms non résolus"),
    "Similarity matches awaiting a person": ("Coincidencias por similitud pendientes de revisión",
                                             "Rapprochements par similarité à vérifier"),
    "Disagreements between the catalogue and the printed record": (
        "Discrepancias entre el catálogo y el documento impreso",
        "Désaccords entre le catalogue et le document imprimé"),
    "Placeholder resolution symbols": ("Signaturas de resolución provisionales",
                                       "Cotes de résolution provisoires"),
    "Text not read as sponsors": ("Texto no leído como patrocinadores",
                                  "Texte non lu comme auteurs"),
    "Records skipped": ("Registros omitidos", "Notices écartées"),
    "Drafts without a resolution": ("Proyectos sin resolución", "Projets sans résolution"),
    "Groups not spread to States": ("Grupos no desglosados en Estados",
                                    "Groupes non répartis entre États"),
    "Printed": ("Impreso", "Imprimé"),
    "Matched to": ("Asociado a", "Rapproché de"),
    "Score": ("Puntuación", "Score"),
    "Next closest": ("Siguiente más cercano", "Le plus proche ensuite"),
    "First seen": ("Visto por primera vez", "Vu pour la première fois"),
    "Decision": ("Decisión", "Décision"),
    "Confirm": ("Confirmar", "Confirmer"),
    "Reject": ("Rechazar", "Rejeter"),
    "None.": ("Ninguno.", "Aucun."),
    "%(n)d more:": ("%(n)d más:", "%(n)d de plus :"),
    "Not withdrawn, rejected, left without action or superseded by a revision.": (
        "Ni retirados, ni rechazados, ni sin decisión, ni sustituidos por una revisión.",
        "Ni retirés, ni rejetés, ni laissés sans suite, ni remplacés par une révision."),
    "Groups for which the tracker holds no membership list; they are kept as groups.": (
        "Grupos cuya lista de miembros no tiene el sistema; se conservan como grupos.",
        "Groupes dont l'outil n'a pas la liste des membres ; ils restent des groupes."),
    "Data from the UN Special Procedures communications database and the UN Digital Library. "
    "Summaries are the UN's; check each item against its source.": (
        "Datos de la base de comunicaciones de los Procedimientos Especiales y de la Biblioteca "
        "Digital de la ONU. Los resúmenes son de la ONU; verifique cada elemento en su fuente.",
        "Données de la base des communications des procédures spéciales et de la Bibliothèque "
        "numérique de l'ONU. Les résumés sont ceux de l'ONU ; vérifiez chaque élément à sa "
        "source."),
    "Not a State": ("No es un Estado", "Pas un État"),
    "Language": ("Idioma", "Langue"),
    "Change": ("Cambiar", "Changer"),
    "Back to the start": ("Volver al inicio", "Retour à l'accueil"),
    "Communications by region and year": ("Comunicaciones por región y año",
                                          "Communications par région et par année"),
    "Replies": ("Respuestas", "Réponses"),
    "Co-sponsorship": ("Copatrocinio", "Coparrainage"),
    "Co-sponsor gaps by regional group": ("Copatrocinadores que faltan, por grupo regional",
                                          "Coauteurs manquants par groupe régional"),
    "Final sponsors": ("Patrocinadores finales", "Auteurs finaux"),
    "Map": ("Mapa", "Carte"),
    "Sponsorship history": ("Historial de patrocinio", "Historique du parrainage"),
    "Special Procedures communications": ("Comunicaciones de los Procedimientos Especiales",
                                          "Communications des procédures spéciales"),
    "Search summaries, states and references": ("Buscar en resúmenes, Estados y referencias",
                                                "Rechercher dans les résumés, États et cotes"),
    "Most relevant": ("Más pertinentes", "Les plus pertinentes"),
    "Newest first": ("Más recientes primero", "Les plus récentes d'abord"),
    "Oldest first": ("Más antiguas primero", "Les plus anciennes d'abord"),
    "Search": ("Buscar", "Rechercher"),
    "Did you mean": ("Quiso decir", "Vouliez-vous dire"),
    "Filtered by:": ("Filtrado por:", "Filtré par :"),
    "clear all": ("quitar todo", "tout effacer"),
    "UN regional group": ("Grupo regional de la ONU", "Groupe régional de l'ONU"),
    "Region": ("Región", "Région"),
    "Region scheme": ("Esquema regional", "Découpage régional"),
    "Show": ("Mostrar", "Afficher"),
    "State": ("Estado", "État"),
    "Mandate": ("Mandato", "Mandat"),
    "Type": ("Tipo", "Type"),
    "Year": ("Año", "Année"),
    "Reply": ("Respuesta", "Réponse"),
    "Concerns women": ("Se refiere a mujeres", "Concerne des femmes"),
    "Concerns WHRDs": ("Se refiere a defensoras", "Concerne des défenseures"),
    "No communication matches. Try fewer words or remove a filter.": (
        "Ninguna comunicación coincide. Pruebe con menos palabras o quite un filtro.",
        "Aucune communication ne correspond. Essayez moins de mots ou retirez un filtre."),
    "reply received": ("respuesta recibida", "réponse reçue"),
    "no reply yet": ("sin respuesta aún", "pas encore de réponse"),
    "Letter on the UN site": ("Carta en el sitio de la ONU", "Lettre sur le site de l'ONU"),
    "communications received": ("comunicaciones recibidas", "communications reçues"),
    "awaiting a reply": ("a la espera de respuesta", "en attente de réponse"),
    "Communications by year": ("Comunicaciones por año", "Communications par année"),
    "Awaiting a reply": ("A la espera de respuesta", "En attente de réponse"),
    "Recorded votes": ("Votaciones registradas", "Votes enregistrés"),
    "Human Rights Council membership": ("Membresía en el Consejo de Derechos Humanos",
                                        "Membre du Conseil des droits de l'homme"),
}
PLURALS = {"%(num)d event": (("%(num)d evento", "%(num)d eventos"),
                             ("%(num)d événement", "%(num)d événements")),
           "%(num)d communication": (("%(num)d comunicación", "%(num)d comunicaciones"),
                                     ("%(num)d communication", "%(num)d communications")),
           "%(num)d draft": (("%(num)d proyecto", "%(num)d proyectos"),
                             ("%(num)d projet", "%(num)d projets"))}

for i, lang in enumerate(("es", "fr")):
    path = f"tracker/translations/{lang}/LC_MESSAGES/messages.po"
    with open(path, "rb") as f:
        catalog = read_po(f, locale=lang)
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in T:
            message.string = T[key][i]
            message.flags.discard("fuzzy")  # a guess from `pybabel update`, now replaced
        elif key in PLURALS:
            message.string = PLURALS[key][i]
            message.flags.discard("fuzzy")
    with open(path, "wb") as f:
        write_po(f, catalog)
