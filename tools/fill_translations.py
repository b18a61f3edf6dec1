"""Fill the Spanish and French catalogues from the table below (a developer tool).

Run after `pybabel update`; then `pybabel compile -d tracker/translations`.
Translators can edit the .po files directly; this table only seeds them.
"""

from babel.messages.pofile import read_po, write_po

T = {
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
    # States and resolutions lists (sorting, dates, sponsorship labels)
    "HRC and GA resolutions in the database, with the number of States that remained "
    "sponsors.": (
        "Resoluciones del CDH y de la AG en la base de datos, con el número de Estados que "
        "siguieron siendo patrocinadores.",
        "Résolutions du CDH et de l'AG dans la base de données, avec le nombre d'États restés "
        "auteurs."),
    "When the adoption date is not recorded, the date shown is the last draft’s.": (
        "Cuando no consta la fecha de aprobación, se muestra la del último proyecto.",
        "Quand la date d'adoption n'est pas connue, la date indiquée est celle du dernier "
        "projet."),
    "Symbol": ("Signatura", "Cote"),
    "Body": ("Órgano", "Organe"),
    "Title": ("Título", "Titre"),
    "Adopted": ("Aprobada", "Adoptée"),
    "draft of %(day)s": ("proyecto del %(day)s", "projet du %(day)s"),
    "not recorded": ("no consta", "non connu"),
    "No resolutions yet. Run “tracker load-samples” or “tracker import”.": (
        "Aún no hay resoluciones. Ejecute «tracker load-samples» o «tracker import».",
        "Aucune résolution pour l'instant. Lancez « tracker load-samples » ou « tracker "
        "import »."),
    "yes": ("sí", "pour"),
    "no": ("no", "contre"),
    "abstained": ("abstención", "abstention"),
    "did not vote": ("no votó", "n'a pas voté"),
    "General Assembly": ("Asamblea General", "Assemblée générale"),
    "Human Rights Council": ("Consejo de Derechos Humanos", "Conseil des droits de l'homme"),
    "Commission on Human Rights": ("Comisión de Derechos Humanos",
                                   "Commission des droits de l'homme"),
    "session %(n)s": ("período de sesiones %(n)s", "session %(n)s"),
    "date not recorded": ("fecha no registrada", "date non connue"),
    "as orally revised": ("en su forma revisada oralmente", "tel que révisé oralement"),
    "Vote": ("Votación", "Vote"),
    "%(yes)s in favour, %(no)s against, %(abstain)s abstentions": (
        "%(yes)s a favor, %(no)s en contra, %(abstain)s abstenciones",
        "%(yes)s pour, %(no)s contre, %(abstain)s abstentions"),
    "Drafts": ("Proyectos", "Projets"),
    "none recorded": ("ninguno registrado", "aucun enregistré"),
    "final sponsors": ("patrocinadores finales", "auteurs au final"),
    "withdrew": ("se retiró", "s'est retiré"),
    "Regions": ("Regiones", "Régions"),
    "Members": ("Miembros", "Membres"),
    "Share": ("Proporción", "Part"),
    "Not sponsoring": ("No patrocinan", "Non auteurs"),
    "none": ("ninguno", "aucun"),
    "Each State coloured by its sponsorship of the resolution’s draft.": (
        "Cada Estado coloreado según su patrocinio del proyecto de resolución.",
        "Chaque État est coloré selon son parrainage du projet de résolution."),
    "Too small for this map:": ("Demasiado pequeños para este mapa:",
                                "Trop petits pour cette carte :"),
    "%(name)s (group)": ("%(name)s (grupo)", "%(name)s (groupe)"),
    "None recorded.": ("Ninguno registrado.", "Aucun enregistré."),
    "withdrew its sponsorship": ("retiró su patrocinio", "a retiré son parrainage"),
    "main sponsor": ("patrocinador principal", "auteur principal"),
    "on the draft as printed": ("en el proyecto impreso", "sur le projet tel qu'imprimé"),
    "co-sponsor": ("copatrocinador", "coauteur"),
    "listed as a sponsor by the library catalogue": (
        "patrocinador según el catálogo de la biblioteca",
        "auteur selon le catalogue de la bibliothèque"),
    "added by a corrigendum": ("añadido por una corrección", "ajouté par un rectificatif"),
    "joined as additional sponsor": ("se sumó como patrocinador adicional",
                                     "s'est joint comme auteur supplémentaire"),
    "sponsor": ("patrocinador", "auteur"),
    "source not recorded": ("fuente no registrada", "source non connue"),
    "No sponsorship recorded.": ("No hay patrocinio registrado.", "Aucun parrainage enregistré."),
    "Recorded vote, %(day)s": ("Votación registrada, %(day)s", "Vote enregistré, %(day)s"),
    "Recorded vote (date not recorded)": ("Votación registrada (fecha no registrada)",
                                          "Vote enregistré (date non connue)"),
    "%(yes)s in favour, %(no)s against, %(abstain)s abstaining": (
        "%(yes)s a favor, %(no)s en contra, %(abstain)s abstenciones",
        "%(yes)s pour, %(no)s contre, %(abstain)s abstentions"),
    "%(n)s not voting": ("%(n)s no votaron", "%(n)s non-votants"),
    "How each State voted": ("Cómo votó cada Estado", "Comment chaque État a voté"),
    "Download every State’s status:": ("Descargar la situación de cada Estado:",
                                       "Télécharger la situation de chaque État :"),
    "States by %(scheme)s": ("Estados por %(scheme)s", "États par %(scheme)s"),
    "Source:": ("Fuente:", "Source :"),
    "States counted in each region": ("Estados contados en cada región",
                                      "États comptés dans chaque région"),
    "Total": ("Total", "Total"),
    "Each State links to its profile: letters received, replies, sponsorships and votes.": (
        "Cada Estado enlaza a su perfil: cartas recibidas, respuestas, patrocinios y votos.",
        "Chaque État renvoie à son profil : lettres reçues, réponses, parrainages et votes."),
    "Code": ("Código", "Code"),
    "M49": ("M49", "M49"),
    "participant": ("participante", "participant"),
    "observer": ("observador", "observateur"),
    "counted elsewhere": ("contado en otro grupo", "compté ailleurs"),
    "observer state": ("Estado observador", "État observateur"),
    "sponsor (on the draft)": ("patrocinador (en el proyecto)", "auteur (sur le projet)"),
    "joined later": ("se sumó después", "s'est joint ensuite"),
    "sponsor (in the library catalogue)": ("patrocinador (en el catálogo de la biblioteca)",
                                           "auteur (dans le catalogue de la bibliothèque)"),
    "sponsor (by a corrigendum)": ("patrocinador (por una corrección)",
                                   "auteur (par un rectificatif)"),
    "did not sponsor": ("no patrocinó", "n'était pas auteur"),
    "co-sponsor through its regional group": ("copatrocinador a través de su grupo regional",
                                              "coauteur par son groupe régional"),
    "UN member since %(year)s": ("Miembro de la ONU desde %(year)s",
                                 "Membre de l'ONU depuis %(year)s"),
    "UN member": ("Miembro de la ONU", "Membre de l'ONU"),
    "Observer State": ("Estado observador", "État observateur"),
    "Former UN member": ("Antiguo miembro de la ONU", "Ancien membre de l'ONU"),
    "with a published reply": ("con una respuesta publicada", "avec une réponse publiée"),
    "Letters": ("Cartas", "Lettres"),
    "By type": ("Por tipo", "Par type"),
    "By mandate": ("Por mandato", "Par mandat"),
    "Reference": ("Referencia", "Référence"),
    "Date": ("Fecha", "Date"),
    "None: every letter has a published reply.": (
        "Ninguna: cada carta tiene una respuesta publicada.",
        "Aucune : chaque lettre a une réponse publiée."),
    "Date: the adoption, or the last draft’s when the adoption is not recorded. Source: the "
    "document that records the sponsorship or its withdrawal.": (
        "Fecha: la de aprobación, o la del último proyecto cuando no consta la aprobación. "
        "Fuente: el documento que registra el patrocinio o su retirada.",
        "Date : celle de l'adoption, ou celle du dernier projet quand l'adoption n'est pas "
        "connue. Source : le document qui enregistre le parrainage ou son retrait."),
    "Resolution or draft": ("Resolución o proyecto", "Résolution ou projet"),
    "Source": ("Fuente", "Source"),
    "No sponsorship data yet.": ("Aún no hay datos de patrocinio.",
                                 "Pas encore de données de parrainage."),
    "No recorded votes in the database.": ("No hay votaciones registradas en la base de datos.",
                                           "Aucun vote enregistré dans la base de données."),
    "%(start)s to %(end)s": ("del %(start)s al %(end)s", "du %(start)s au %(end)s"),
    "No Council terms recorded.": ("No hay mandatos en el Consejo registrados.",
                                   "Aucun mandat au Conseil enregistré."),
    "CSV of letters awaiting a reply": ("CSV de las cartas a la espera de respuesta",
                                        "CSV des lettres en attente de réponse"),
    "This list cannot be sorted by “%(column)s”. Sort by one of: %(columns)s (a “-” before "
    "the name reverses the order, as in %(param)s=-%(first)s).": (
        "Esta lista no se puede ordenar por «%(column)s». Ordene por una de: %(columns)s (un "
        "«-» delante del nombre invierte el orden, como en %(param)s=-%(first)s).",
        "Cette liste ne peut pas être triée par « %(column)s ». Triez par l'une de : "
        "%(columns)s (un « - » devant le nom inverse l'ordre, comme dans "
        "%(param)s=-%(first)s)."),
}
PLURALS = {"%(num)d State": (("%(num)d Estado", "%(num)d Estados"),
                             ("%(num)d État", "%(num)d États")),
           "%(num)d event": (("%(num)d evento", "%(num)d eventos"),
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
