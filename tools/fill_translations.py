"""Fill the Spanish and French catalogues from the table below (a developer tool).

Run after `pybabel update`; then `pybabel compile -d tracker/translations`.
Translators can edit the .po files directly; this table only seeds them.
"""

from babel.messages.pofile import read_po, write_po

T = {
    "Every recorded vote in which this State is listed, at the Human Rights Council and the "
    "General Assembly. A resolution adopted without a vote records no State’s vote.": (
        "Cada votación registrada en la que figura este Estado, en el Consejo de Derechos "
        "Humanos y en la Asamblea General. Una resolución aprobada sin votación no registra "
        "el voto de ningún Estado.",
        "Chaque vote enregistré où figure cet État, au Conseil des droits de l'homme et à "
        "l'Assemblée générale. Une résolution adoptée sans vote n'enregistre le vote d'aucun "
        "État."),
    # Case submissions, follow-up, internal briefs and the case export (tracker/views/case_links.py)
    "Audience": ("Público destinatario", "Public visé"),
    "not shown: a part is fewer than %(n)d": ("no se muestra: una parte es inferior a %(n)d",
                                              "non indiqué : une partie est inférieure à %(n)d"),
    "Public: no case data": ("Público: sin datos de casos", "Public : aucune donnée des dossiers"),
    "Internal: with case figures, not for distribution": (
        "Interno: con cifras de casos, no difundir",
        "Interne : avec les chiffres des dossiers, ne pas diffuser"),
    "Change the audience": ("Cambiar el público", "Changer le public visé"),
    "Our cases": ("Nuestros casos", "Nos dossiers"),
    "Submissions to the UN": ("Envíos a la ONU", "Soumissions à l'ONU"),
    "Submitted on %(day)s": ("Enviado el %(day)s", "Soumis le %(day)s"),
    "To:": ("A:", "À :"),
    "Communication:": ("Comunicación:", "Communication :"),
    "sent on %(day)s": ("enviada el %(day)s", "envoyée le %(day)s"),
    "confirmed by %(who)s": ("confirmada por %(who)s", "confirmée par %(who)s"),
    "The State replied": ("El Estado respondió", "L'État a répondu"),
    "on %(day)s": ("el %(day)s", "le %(day)s"),
    "Overdue (the deadline is %(n)d days).": ("Vencida (el plazo es de %(n)d días).",
                                              "En retard (le délai est de %(n)d jours)."),
    "No reply yet; the letter has no date.": ("Aún sin respuesta; la carta no tiene fecha.",
                                              "Pas encore de réponse ; la lettre n'a pas de date."),
    "Unlink": ("Desvincular", "Délier"),
    "Not %(reference)s (rejected by %(who)s).": ("No es %(reference)s (descartada por %(who)s).",
                                                 "Pas %(reference)s (écartée par %(who)s)."),
    "Could be one of these communications": ("Podría ser una de estas comunicaciones",
                                             "Ce pourrait être l'une de ces communications"),
    "Suggested by the tracker, never linked until you confirm.": (
        "Sugeridas por el tracker; nunca se vinculan hasta que usted confirme.",
        "Suggérées par le tracker ; jamais liées tant que vous n'avez pas confirmé."),
    "Confirm: it is this one": ("Confirmar: es esta", "Confirmer : c'est celle-ci"),
    "Not this one": ("No es esta", "Pas celle-ci"),
    "No communication found yet to the case’s State within a year of the submission.": (
        "Aún no se encontró ninguna comunicación al Estado del caso en el año siguiente al envío.",
        "Aucune communication trouvée pour l'instant à l'État du dossier dans l'année suivant la "
        "soumission."),
    "Not submitted to the UN yet.": ("Aún no enviado a la ONU.", "Pas encore soumis à l'ONU."),
    "Add a submission": ("Añadir un envío", "Ajouter une soumission"),
    "Submitted on": ("Enviado el", "Soumis le"),
    "To the mandates": ("A los mandatos", "Aux mandats"),
    "Reference the UN gave (optional)": ("Referencia dada por la ONU (opcional)",
                                         "Référence donnée par l'ONU (facultatif)"),
    "Add the submission": ("Añadir el envío", "Ajouter la soumission"),
    "Export the case register": ("Exportar el registro de casos",
                                 "Exporter le registre des dossiers"),
    "An export holds every case with its submissions and its notes, decrypted. Keep the file "
    "somewhere as safe as this system, and delete it when done.": (
        "Una exportación contiene todos los casos con sus envíos y sus notas, descifradas. "
        "Guarde el archivo en un lugar tan seguro como este sistema y bórrelo al terminar.",
        "Un export contient tous les dossiers avec leurs soumissions et leurs notes, déchiffrées. "
        "Gardez le fichier dans un endroit aussi sûr que ce système, et supprimez-le ensuite."),
    "Format": ("Formato", "Format"),
    "Include real names and contact details": ("Incluir nombres reales y datos de contacto",
                                               "Inclure les vrais noms et les coordonnées"),
    "Next: review what will leave the system": ("Siguiente: revisar lo que saldrá del sistema",
                                                "Suivant : vérifier ce qui sortira du système"),
    "What will leave the system": ("Lo que saldrá del sistema", "Ce qui sortira du système"),
    "The notes of every case, decrypted.": ("Las notas de cada caso, descifradas.",
                                            "Les notes de chaque dossier, déchiffrées."),
    "The real names and contact details of the defenders, decrypted.": (
        "Los nombres reales y los datos de contacto de las personas defensoras, descifrados.",
        "Les vrais noms et les coordonnées des défenseur·es, déchiffrés."),
    "No real name and no contact detail.": ("Ningún nombre real ni dato de contacto.",
                                            "Aucun vrai nom ni aucune coordonnée."),
    "As %(format)s. The export is recorded in the audit log with your name.": (
        "En %(format)s. La exportación queda registrada en el registro de auditoría con su nombre.",
        "En %(format)s. L'export est inscrit au journal d'audit avec votre nom."),
    "To confirm that names may leave the system, type your password again": (
        "Para confirmar que los nombres pueden salir del sistema, escriba de nuevo su contraseña",
        "Pour confirmer que des noms peuvent sortir du système, saisissez à nouveau votre mot "
        "de passe"),
    "Confirm and download": ("Confirmar y descargar", "Confirmer et télécharger"),
    "Cancel": ("Cancelar", "Annuler"),
    "Follow-up of communications": ("Seguimiento de las comunicaciones",
                                    "Suivi des communications"),
    "Every case linked to a communication, with whether the State replied. A letter unanswered "
    "after %(n)d days is overdue; overdue ones come first, the longest waiting at the top.": (
        "Cada caso vinculado a una comunicación, con si el Estado respondió. Una carta sin "
        "respuesta después de %(n)d días está vencida; las vencidas van primero, la que más "
        "espera arriba.",
        "Chaque dossier lié à une communication, et si l'État a répondu. Une lettre sans réponse "
        "après %(n)d jours est en retard ; celles en retard viennent d'abord, la plus ancienne "
        "en haut."),
    "all": ("todos", "tous"),
    "Overdue only": ("Solo las vencidas", "En retard seulement"),
    "Open in a new internal brief": ("Abrir en un nuevo informe interno",
                                     "Ouvrir dans une nouvelle note interne"),
    "The brief names the communications by their public reference and the days waited, never "
    "a case.": (
        "El informe nombra las comunicaciones por su referencia pública y los días de espera, "
        "nunca un caso.",
        "La note désigne les communications par leur référence publique et les jours d'attente, "
        "jamais un dossier."),
    "State of the brief": ("Estado del informe", "État de la note"),
    "Case": ("Caso", "Dossier"),
    "Communication": ("Comunicación", "Communication"),
    "Letter": ("Carta", "Lettre"),
    "Days": ("Días", "Jours"),
    "overdue": ("vencida", "en retard"),
    "No case is linked to a communication yet.": (
        "Ningún caso está vinculado aún a una comunicación.",
        "Aucun dossier n'est encore lié à une communication."),
    "%(reference)s, sent on %(date)s: no reply from the State after %(days)s days (the Special "
    "Procedures ask for one within %(deadline)s).": (
        "%(reference)s, enviada el %(date)s: sin respuesta del Estado después de %(days)s días "
        "(los Procedimientos Especiales piden una en %(deadline)s).",
        "%(reference)s, envoyée le %(date)s : pas de réponse de l'État après %(days)s jours "
        "(les procédures spéciales en demandent une sous %(deadline)s)."),
    "Internal: not for distribution": ("Interno: no difundir", "Interne : ne pas diffuser"),
    "fewer than %(n)d": ("menos de %(n)d", "moins de %(n)d"),
    "A brief about a resolution shows no case figures.": (
        "Un informe sobre una resolución no muestra cifras de casos.",
        "Une note sur une résolution ne montre aucun chiffre de dossiers."),
    "The organisation's cases for this subject, counted; no figure below %(n)d is shown, nor a "
    "total from which one could be worked out. No case is named.": (
        "Los casos de la organización sobre este tema, contados; no se muestra ninguna cifra "
        "inferior a %(n)d, ni un total del que pudiera deducirse. No se nombra ningún caso.",
        "Les dossiers de l'organisation pour ce sujet, comptés ; aucun chiffre inférieur à %(n)d "
        "n'est montré, ni un total qui permettrait de le retrouver. Aucun dossier n'est nommé."),
    "Cases": ("Casos", "Dossiers"),
    "  of which %(status)s": ("  de ellos: %(status)s", "  dont : %(status)s"),
    "Awaiting a reply past the deadline": ("Esperando respuesta fuera de plazo",
                                           "En attente de réponse au-delà du délai"),
    "Public": ("Público", "Public"),
    "Give the day the case was submitted (YYYY-MM-DD).": (
        "Indique el día en que se envió el caso (AAAA-MM-DD).",
        "Indiquez le jour où le dossier a été soumis (AAAA-MM-JJ)."),
    "The day of submission is in the future.": ("El día del envío está en el futuro.",
                                                "Le jour de la soumission est dans le futur."),
    "Choose at least one mandate the case was sent to.": (
        "Elija al menos un mandato al que se envió el caso.",
        "Choisissez au moins un mandat auquel le dossier a été soumis."),
    "Too long: at most %(limit)s characters.": (
        "Demasiado largo: como máximo %(limit)s caracteres.",
        "Trop long : %(limit)s caractères au plus."),
    "No mandate %(value)s.": ("No hay mandato %(value)s.", "Aucun mandat %(value)s."),
    "Number %(number)s to the case's State, as the submission's reference says": (
        "Número %(number)s al Estado del caso, como dice la referencia del envío",
        "Numéro %(number)s à l'État du dossier, comme l'indique la référence de la soumission"),
    "Same number as the reference typed (%(typed)s), but the letter is of type %(type)s": (
        "Mismo número que la referencia escrita (%(typed)s), pero la carta es de tipo %(type)s",
        "Même numéro que la référence saisie (%(typed)s), mais la lettre est de type %(type)s"),
    "Same reference as the submission: %(reference)s": (
        "Misma referencia que el envío: %(reference)s",
        "Même référence que la soumission : %(reference)s"),
    "Sent to the case's State %(days)s days after the submission, by %(shared)s of the "
    "%(wanted)s mandates it went to": (
        "Enviada al Estado del caso %(days)s días después del envío, por %(shared)s de los "
        "%(wanted)s mandatos a los que se dirigió",
        "Envoyée à l'État du dossier %(days)s jours après la soumission, par %(shared)s des "
        "%(wanted)s mandats auxquels elle a été adressée"),
    "No such communication.": ("No existe esa comunicación.", "Cette communication n'existe pas."),
    "Choose public or internal.": ("Elija público o interno.", "Choisissez public ou interne."),
    "No case with that number.": ("Ningún caso con ese número.",
                                  "Aucun dossier portant ce numéro."),
    "No submission with that number.": ("Ningún envío con ese número.",
                                        "Aucune soumission portant ce numéro."),
    "Submission added. Check the suggested communications below.": (
        "Envío añadido. Revise abajo las comunicaciones sugeridas.",
        "Soumission ajoutée. Vérifiez ci-dessous les communications suggérées."),
    "Choose a State for the brief.": ("Elija un Estado para el informe.",
                                      "Choisissez un État pour la note."),
    "Follow-up of communications: %(state)s": ("Seguimiento de las comunicaciones: %(state)s",
                                               "Suivi des communications : %(state)s"),
    "Choose CSV or JSON.": ("Elija CSV o JSON.", "Choisissez CSV ou JSON."),
    "The password is not right: nothing was exported.": (
        "La contraseña no es correcta: no se exportó nada.",
        "Le mot de passe n'est pas le bon : rien n'a été exporté."),
    # The review of coding (templates/review, the communication page's coding table)
    "Why": ("Por qué", "Pourquoi"),
    "none found": ("ninguno encontrado", "aucun trouvé"),
    "a person decided": ("lo decidió una persona", "décidé par une personne"),
    "This coding is disputed: the rules now differ from a person's decision, or someone "
    "flagged it.": (
        "Esta codificación está en disputa: las reglas difieren ahora de la decisión de una "
        "persona, o alguien la señaló.",
        "Ce codage est contesté : les règles diffèrent désormais de la décision d'une "
        "personne, ou quelqu'un l'a signalé."),
    "Review the coding of this communication": ("Revisar la codificación de esta comunicación",
                                                "Réviser le codage de cette communication"),
    "an editor": ("un editor", "un éditeur"),
    "in the summary": ("en el resumen", "dans le résumé"),
    "in the letter": ("en la carta", "dans la lettre"),
    "in the reply": ("en la respuesta", "dans la réponse"),
    "confidence %(value)s": ("confianza %(value)s", "confiance %(value)s"),
    "rules v%(version)s": ("reglas v%(version)s", "règles v%(version)s"),
    "Review the coding": ("Revisar la codificación", "Réviser le codage"),
    "The rules code every communication they can read. Confirm or correct their codes here: "
    "a person's codes win over the rules and stay through every new run of them.": (
        "Las reglas codifican cada comunicación que pueden leer. Confirme o corrija aquí sus "
        "códigos: los códigos de una persona prevalecen sobre las reglas y se mantienen en "
        "cada nueva ejecución.",
        "Les règles codent chaque communication qu'elles peuvent lire. Confirmez ou corrigez "
        "ici leurs codes : les codes d'une personne l'emportent sur les règles et restent à "
        "chaque nouvelle exécution."),
    "Queues": ("Colas", "Files"),
    "No text the rules could read, and not yet decided by a person.": (
        "Sin texto que las reglas puedan leer, y aún sin decisión de una persona.",
        "Aucun texte que les règles puissent lire, et pas encore de décision d'une personne."),
    "The least sure code of each is below %(below)s: the least sure first.": (
        "El código menos seguro de cada una está por debajo de %(below)s: las menos seguras "
        "primero.",
        "Le code le moins sûr de chacune est inférieur à %(below)s : les moins sûres "
        "d'abord."),
    "The rules now differ from a person's decision, or someone flagged the codes.": (
        "Las reglas difieren ahora de la decisión de una persona, o alguien señaló los "
        "códigos.",
        "Les règles diffèrent désormais de la décision d'une personne, ou quelqu'un a signalé "
        "les codes."),
    "Every communication, the newest first.": ("Todas las comunicaciones, las más recientes "
                                               "primero.",
                                               "Toutes les communications, les plus récentes "
                                               "d'abord."),
    "Nothing to review here.": ("Nada que revisar aquí.", "Rien à réviser ici."),
    "Review": ("Revisión", "Révision"),
    "%(place)s of %(total)s": ("%(place)s de %(total)s", "%(place)s sur %(total)s"),
    "Queue": ("Cola", "File"),
    "Back to the queue": ("Volver a la cola", "Retour à la file"),
    "The communication": ("La comunicación", "La communication"),
    "Flagged as disputed by %(who)s on %(day)s:": (
        "Señalada como en disputa por %(who)s el %(day)s:",
        "Signalée comme contestée par %(who)s le %(day)s :"),
    "Remove the flag": ("Quitar la señal", "Retirer le signalement"),
    "The rules file cannot be read, so the rules do not run again when you save, and their "
    "notes are missing:": (
        "No se puede leer el archivo de reglas: las reglas no se vuelven a ejecutar al "
        "guardar y faltan sus notas:",
        "Le fichier de règles est illisible : les règles ne sont pas relancées à "
        "l'enregistrement et leurs notes manquent :"),
    "Texts": ("Textos", "Textes"),
    "No text to read: no summary, and no letter or reply text yet.": (
        "No hay texto que leer: ni resumen, ni texto de la carta o de la respuesta por ahora.",
        "Aucun texte à lire : ni résumé, ni texte de la lettre ou de la réponse pour l'instant."),
    "Decided by": ("Decidido por", "Décidé par"),
    "The rules now say:": ("Las reglas dicen ahora:", "Les règles disent désormais :"),
    "Taken away by a person.": ("Retirado por una persona.", "Retiré par une personne."),
    "Save corrections": ("Guardar las correcciones", "Enregistrer les corrections"),
    "Saving records every scheme as ticked here, with your name, and opens the next "
    "communication of the queue.": (
        "Al guardar se registra cada esquema tal como está marcado aquí, con su nombre, y se "
        "abre la siguiente comunicación de la cola.",
        "L'enregistrement consigne chaque schéma tel qu'il est coché ici, avec votre nom, et "
        "ouvre la communication suivante de la file."),
    "What is wrong with these codes?": ("¿Qué falla en estos códigos?",
                                        "Qu'est-ce qui ne va pas dans ces codes ?"),
    "Flag as disputed": ("Señalar como en disputa", "Signaler comme contesté"),
    "Keyboard shortcuts": ("Atajos de teclado", "Raccourcis clavier"),
    "next communication of the queue": ("siguiente comunicación de la cola",
                                        "communication suivante de la file"),
    "previous communication": ("comunicación anterior", "communication précédente"),
    "tick or untick the code with that number (type two digits quickly for 10 and above)": (
        "marcar o desmarcar el código con ese número (escriba dos cifras seguidas a partir de "
        "10)",
        "cocher ou décocher le code portant ce numéro (tapez vite deux chiffres à partir de "
        "10)"),
    "confirm": ("confirmar", "confirmer"),
    "save corrections": ("guardar las correcciones", "enregistrer les corrections"),
    "write why the codes are disputed, then Enter to flag": (
        "escribir por qué se disputan los códigos y pulsar Intro para señalarlos",
        "écrire pourquoi les codes sont contestés, puis Entrée pour signaler"),
    "show or hide this help": ("mostrar u ocultar esta ayuda", "afficher ou masquer cette aide"),
    "Risk factors": ("Factores de riesgo", "Facteurs de risque"),
    "Not yet coded": ("Sin codificar aún", "Pas encore codées"),
    "Low confidence": ("Confianza baja", "Confiance faible"),
    "Disputed": ("En disputa", "Contestées"),
    "coded by the rules": ("codificada por las reglas", "codée par les règles"),
    "reviewed": ("revisada", "révisée"),
    "disputed": ("en disputa", "contestée"),
    "The letter": ("La carta", "La lettre"),
    "The reply": ("La respuesta", "La réponse"),
    "Saved. The search index is busy: its filters show this decision after the next reindex.": (
        "Guardado. El índice de búsqueda está ocupado: sus filtros mostrarán esta decisión "
        "tras la próxima reindexación.",
        "Enregistré. L'index de recherche est occupé : ses filtres montreront cette décision "
        "après la prochaine réindexation."),
    "Nothing changed: these codes were already a person's decision.": (
        "Nada cambió: estos códigos ya eran la decisión de una persona.",
        "Rien n'a changé : ces codes étaient déjà la décision d'une personne."),
    "Not flagged: say in the note what is wrong with the codes.": (
        "No se señaló: diga en la nota qué falla en los códigos.",
        "Non signalé : dites dans la note ce qui ne va pas dans les codes."),
    "Choose what to do: confirm, save corrections or flag.": (
        "Elija qué hacer: confirmar, guardar las correcciones o señalar.",
        "Choisissez que faire : confirmer, enregistrer les corrections ou signaler."),
    "Not saved: %(reason)s.": ("No se guardó: %(reason)s.", "Non enregistré : %(reason)s."),
    "%(region)s: %(sponsors)d of %(members)d": ("%(region)s: %(sponsors)d de %(members)d",
                                                "%(region)s : %(sponsors)d sur %(members)d"),
    "e.g. defensoras, “sexual violence”, state:HND date:[2012 to 2026]": (
        "p. ej. defensoras, “violencia sexual”, state:HND date:[2012 to 2026]",
        "p. ex. défenseures, « violence sexuelle », state:HND date:[2012 to 2026]"),
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
    "The %(shown)d most recent of the %(total)d resolutions in the brief are listed, newest "
    "first; %(more)d more are not shown.": (
        "Se enumeran las %(shown)d más recientes de las %(total)d resoluciones del informe, "
        "de la más reciente a la más antigua; no se muestran %(more)d más.",
        "Les %(shown)d plus récentes des %(total)d résolutions de la note sont listées, de la "
        "plus récente à la plus ancienne ; %(more)d autres ne sont pas affichées."),
    "The State’s page lists every one:": ("La página del Estado las enumera todas:",
                                          "La page de l'État les liste toutes :"),
    "all resolutions": ("todas las resoluciones", "toutes les résolutions"),
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
    "Search summaries, letters, replies, States and references": (
        "Buscar en resúmenes, cartas, respuestas, Estados y referencias",
        "Rechercher dans les résumés, lettres, réponses, États et cotes"),
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
    # First run: nothing, or only the shipped snapshot, in the database
    "No data yet": ("Todavía no hay datos", "Pas encore de données"),
    "Sample data only": ("Solo datos de muestra", "Données d'exemple seulement"),
    "The tracker holds no communications or resolutions yet.": (
        "La herramienta todavía no contiene comunicaciones ni resoluciones.",
        "L'outil ne contient encore aucune communication ni résolution."),
    "What you see is a small, incomplete selection of real UN data that ships with the "
    "tracker. It is not kept up to date.": (
        "Lo que ve es una pequeña selección incompleta de datos reales de la ONU que se "
        "incluye con la herramienta. No se mantiene actualizada.",
        "Ce que vous voyez est une petite sélection incomplète de données réelles de l'ONU "
        "fournie avec l'outil. Elle n'est pas tenue à jour."),
    "To fetch current data, run one of these commands in the tracker’s folder:": (
        "Para obtener datos actuales, ejecute uno de estos comandos en la carpeta de la "
        "herramienta:",
        "Pour obtenir des données à jour, lancez l'une de ces commandes dans le dossier de "
        "l'outil :"),
    "the letters the Special Procedures published most recently": (
        "las cartas que los Procedimientos Especiales publicaron más recientemente",
        "les lettres que les procédures spéciales ont publiées le plus récemment"),
    "drafts, resolutions and votes from the UN Digital Library": (
        "proyectos, resoluciones y votaciones de la Biblioteca Digital de la ONU",
        "projets, résolutions et votes de la Bibliothèque numérique de l'ONU"),
    "files you downloaded from these sites": ("archivos que descargó de estos sitios",
                                              "fichiers que vous avez téléchargés sur ces sites"),
    # The 404 and other error pages (tracker/views/errors.py) and our own reasons
    "Bad request": ("Solicitud incorrecta", "Requête incorrecte"),
    "The site could not understand this request.": (
        "El sitio no pudo entender esta solicitud.",
        "Le site n'a pas pu comprendre cette requête."),
    "Sign-in needed": ("Inicio de sesión necesario", "Connexion nécessaire"),
    "Sign in to see this page.": ("Inicie sesión para ver esta página.",
                                  "Connectez-vous pour voir cette page."),
    "Not allowed": ("No permitido", "Non autorisé"),
    "Your account does not give access to this page.": (
        "Su cuenta no da acceso a esta página.",
        "Votre compte ne donne pas accès à cette page."),
    "Page not found": ("Página no encontrada", "Page introuvable"),
    "There is no page at this address. Check the address, or start again from the list of "
    "communications.": (
        "No hay ninguna página en esta dirección. Compruebe la dirección o vuelva a empezar "
        "desde la lista de comunicaciones.",
        "Il n'y a pas de page à cette adresse. Vérifiez l'adresse, ou repartez de la liste des "
        "communications."),
    "Method not allowed": ("Método no permitido", "Méthode non autorisée"),
    "This page cannot be used that way.": ("Esta página no se puede usar de ese modo.",
                                           "Cette page ne s'utilise pas ainsi."),
    "Too large": ("Demasiado grande", "Trop volumineux"),
    "What was sent is larger than this site accepts. Nothing was saved.": (
        "Lo enviado supera lo que este sitio acepta. No se guardó nada.",
        "L'envoi dépasse ce que ce site accepte. Rien n'a été enregistré."),
    "Address too long": ("Dirección demasiado larga", "Adresse trop longue"),
    "The address is longer than this site accepts.": (
        "La dirección es más larga de lo que este sitio acepta.",
        "L'adresse est plus longue que ce que ce site accepte."),
    "Too many requests": ("Demasiadas solicitudes", "Trop de requêtes"),
    "Too many requests in a short time. Wait a minute and try again.": (
        "Demasiadas solicitudes en poco tiempo. Espere un minuto y vuelva a intentarlo.",
        "Trop de requêtes en peu de temps. Patientez une minute et réessayez."),
    "Server error": ("Error del servidor", "Erreur du serveur"),
    "Something went wrong on the server. The error has been logged; try again later.": (
        "Algo falló en el servidor. El error quedó registrado; vuelva a intentarlo más tarde.",
        "Un problème est survenu sur le serveur. L'erreur a été consignée ; réessayez plus "
        "tard."),
    "The form expired or came from another page. Go back, reload the page and send it again.": (
        "El formulario caducó o procede de otra página. Vuelva atrás, recargue la página y "
        "envíelo de nuevo.",
        "Le formulaire a expiré ou provient d'une autre page. Revenez en arrière, rechargez la "
        "page et renvoyez-le."),
    "Your role does not give access to this page.": (
        "Su función no da acceso a esta página.", "Votre rôle ne donne pas accès à cette page."),
    "Sign in first.": ("Inicie sesión primero.", "Connectez-vous d'abord."),
    "What was sent is larger than the %(mb)s MB this site accepts. Nothing was saved.": (
        "Lo enviado supera los %(mb)s MB que este sitio acepta. No se guardó nada.",
        "L'envoi dépasse les %(mb)s Mo que ce site accepte. Rien n'a été enregistré."),
    "The address is too long: at most %(n)s characters after the “?”.": (
        "La dirección es demasiado larga: como máximo %(n)s caracteres después del «?».",
        "L'adresse est trop longue : au plus %(n)s caractères après le « ? »."),
    "Too many values for “%(name)s” (%(n)s): at most %(limit)d in one search.": (
        "Demasiados valores para «%(name)s» (%(n)s): como máximo %(limit)d en una búsqueda.",
        "Trop de valeurs pour « %(name)s » (%(n)s) : au plus %(limit)d par recherche."),
    "The request contains a NUL character (%%00), which no address or form of this site "
    "uses.": (
        "La solicitud contiene un carácter NUL (%%00), que ninguna dirección ni formulario de "
        "este sitio usa.",
        "La requête contient un caractère NUL (%%00), qu'aucune adresse ni aucun formulaire de "
        "ce site n'utilise."),
    "%(field)s=%(value)s is not a date (use YYYY-MM-DD).": (
        "%(field)s=%(value)s no es una fecha (use AAAA-MM-DD).",
        "%(field)s=%(value)s n'est pas une date (utilisez AAAA-MM-JJ)."),
    "page must be a whole number from 1.": ("page debe ser un número entero desde 1.",
                                            "page doit être un nombre entier à partir de 1."),
    "No brief with that number.": ("No hay ninguna nota informativa con ese número.",
                                   "Aucune note d'information ne porte ce numéro."),
    "No such version.": ("No existe esa versión.", "Cette version n'existe pas."),
    "No communication with that number.": ("No hay ninguna comunicación con ese número.",
                                           "Aucune communication ne porte ce numéro."),
    "No resolution with that symbol in the database.": (
        "No hay ninguna resolución con esa signatura en la base de datos.",
        "Aucune résolution ne porte cette cote dans la base de données."),
    "No region scheme by that name.": ("No hay ningún esquema regional con ese nombre.",
                                       "Aucun découpage régional ne porte ce nom."),
    "No State with that code.": ("No hay ningún Estado con ese código.",
                                 "Aucun État ne porte ce code."),
    "not given": ("no consta", "non précisé"),
    "not a State": ("no es un Estado", "pas un État"),
    "Mandates": ("Mandatos", "Mandats"),
    "label not yet verified": ("nombre aún no verificado", "intitulé pas encore vérifié"),
    "Alleged victims": ("Presuntas víctimas", "Victimes présumées"),
    "Language of the summary": ("Idioma del resumen", "Langue du résumé"),
    "unknown": ("desconocido", "inconnue"),
    "Reply of %(date)s": ("Respuesta del %(date)s", "Réponse du %(date)s"),
    "Reply, date unknown": ("Respuesta, fecha desconocida", "Réponse, date inconnue"),
    "No reply published yet": ("Aún no se ha publicado ninguna respuesta",
                               "Aucune réponse publiée pour l'instant"),
    "Sources": ("Fuentes", "Sources"),
    "The letter (UN site)": ("La carta (sitio de la ONU)", "La lettre (site de l'ONU)"),
    "Listing it was read from": ("Lista de la que se leyó", "Liste d'où elle a été lue"),
    "No summary.": ("Sin resumen.", "Pas de résumé."),
    "Coding": ("Codificación", "Codage"),
    "Question": ("Pregunta", "Question"),
    "Answer": ("Respuesta", "Réponse"),
    "Coded by": ("Codificado por", "Codé par"),
    "The same case, sent to other addressees": ("El mismo caso, enviado a otros destinatarios",
                                                "Le même cas, envoyé à d'autres destinataires"),
    "Sent the same day": ("Enviadas el mismo día", "Envoyées le même jour"),
    "Sharing the most mandates": ("Con más mandatos en común",
                                  "Ayant le plus de mandats en commun"),
    "Concerns women human rights defenders": ("Se refiere a defensoras de derechos humanos",
                                              "Concerne des défenseures des droits humains"),
    "Attack types": ("Tipos de ataque", "Types d'attaque"),
    "Perpetrator": ("Autor", "Auteur"),
    "Companies and other non-State addressees": (
        "Empresas y otros destinatarios no estatales",
        "Entreprises et autres destinataires non étatiques"),
    "not fetched yet": ("aún no descargada", "pas encore téléchargée"),
    "text available": ("texto disponible", "texte disponible"),
    "language unknown": ("idioma desconocido", "langue inconnue"),
    "no text layer (scanned): nothing to read or search": (
        "sin capa de texto (escaneada): nada que leer ni buscar",
        "sans couche de texte (numérisée) : rien à lire ni à chercher"),
    "could not be read:": ("no se pudo leer:", "illisible :"),
    "Read in part:": ("Leída en parte:", "Lue en partie :"),
    "This file prints the reference %(found)s, not %(reference)s: it may belong to another "
    "communication, so search leaves it out until a person checks the link.": (
        "Este archivo lleva la referencia %(found)s, no %(reference)s: puede pertenecer a otra "
        "comunicación, así que la búsqueda lo deja fuera hasta que una persona compruebe el "
        "enlace.",
        "Ce fichier porte la référence %(found)s, et non %(reference)s : il peut appartenir à "
        "une autre communication, la recherche l'écarte donc jusqu'à ce qu'une personne "
        "vérifie le lien."),
    "The file prints this communication’s reference.": (
        "El archivo lleva la referencia de esta comunicación.",
        "Le fichier porte la référence de cette communication."),
    "No reference found in the file, so its link to this communication is not confirmed.": (
        "No se encontró ninguna referencia en el archivo; su vínculo con esta comunicación no "
        "está confirmado.",
        "Aucune référence trouvée dans le fichier : son lien avec cette communication n'est "
        "pas confirmé."),
    "File": ("Archivo", "Fichier"),
    "The file on the UN site": ("El archivo en el sitio de la ONU",
                                "Le fichier sur le site de l'ONU"),
    "Fetched (UTC)": ("Descargado (UTC)", "Téléchargé (UTC)"),
    "Text read from the file": ("Texto leído del archivo", "Texte lu dans le fichier"),
    "Extracted automatically from the PDF: the layout is lost, and words may be split or run "
    "together. The file itself is the authority.": (
        "Extraído automáticamente del PDF: se pierde la maquetación y algunas palabras pueden "
        "quedar cortadas o unidas. El archivo mismo es la referencia.",
        "Extrait automatiquement du PDF : la mise en page est perdue, et des mots peuvent être "
        "coupés ou collés. Le fichier lui-même fait foi."),
    "Search leaves this text out.": ("La búsqueda deja fuera este texto.",
                                     "La recherche écarte ce texte."),
    "The letter and replies as text": ("La carta y las respuestas en texto",
                                       "La lettre et les réponses en texte"),
    "Read the text": ("Leer el texto", "Lire le texte"),
    "Details": ("Detalles", "Détails"),
    "No link to the letter or to a reply is known.": (
        "No se conoce ningún enlace a la carta ni a una respuesta.",
        "Aucun lien vers la lettre ou vers une réponse n'est connu."),
    "Letters and replies printing another reference": (
        "Cartas y respuestas que llevan otra referencia",
        "Lettres et réponses portant une autre référence"),
    "Letters and replies that could not be read": (
        "Cartas y respuestas que no se pudieron leer",
        "Lettres et réponses illisibles"),
    "The link from a row of the UN listing to its letter is not confirmed, so each file’s own "
    "reference is checked. These name another communication: search leaves their text out "
    "until a person checks the link.": (
        "El vínculo entre una fila de la lista de la ONU y su carta no está confirmado, así que "
        "se comprueba la referencia que lleva cada archivo. Estos nombran otra comunicación: "
        "la búsqueda deja fuera su texto hasta que una persona compruebe el enlace.",
        "Le lien entre une ligne de la liste de l'ONU et sa lettre n'est pas confirmé : la "
        "référence que porte chaque fichier est donc vérifiée. Ceux-ci nomment une autre "
        "communication : la recherche écarte leur texte jusqu'à ce qu'une personne vérifie "
        "le lien."),
    "the file prints %(found)s": ("el archivo lleva %(found)s", "le fichier porte %(found)s"),
    "In the letter:": ("En la carta:", "Dans la lettre :"),
    "In the reply of %(date)s:": ("En la respuesta del %(date)s:",
                                  "Dans la réponse du %(date)s :"),
    "In a reply:": ("En una respuesta:", "Dans une réponse :"),
    "letter": ("carta", "lettre"),
    "reply": ("respuesta", "réponse"),
    "This communication has no such letter or reply.": (
        "Esta comunicación no tiene esa carta ni esa respuesta.",
        "Cette communication n'a pas cette lettre ni cette réponse."),
    # Data quality: why a name did not resolve
    "not a State's name (note or title text)": (
        "no es el nombre de un Estado (texto de una nota o de un título)",
        "pas un nom d'État (texte d'une note ou d'un titre)"),
    "part of a State's name, cut off by the printed list": (
        "parte del nombre de un Estado, cortado en la lista impresa",
        "partie d'un nom d'État, coupé par la liste imprimée"),
    "misspelling too far from, or too close to, more than one State": (
        "error ortográfico demasiado lejano de un Estado, o demasiado cercano a varios",
        "faute d'orthographe trop éloignée d'un État, ou trop proche de plusieurs"),
    "matches no State, group or body we know": (
        "no coincide con ningún Estado, grupo u órgano conocido",
        "ne correspond à aucun État, groupe ou organe connu"),
    # Vocabulary from the data (tracker/vocabulary.py): codes
    "Allegation letter": ("Carta de denuncia", "Lettre d'allégation"),
    "Urgent appeal": ("Llamamiento urgente", "Appel urgent"),
    "Other letter": ("Otra carta", "Autre lettre"),
    "Joint allegation letter": ("Carta de denuncia conjunta", "Lettre d'allégation conjointe"),
    "Joint urgent appeal": ("Llamamiento urgente conjunto", "Appel urgent conjoint"),
    "Joint other letter": ("Otra carta conjunta", "Autre lettre conjointe"),
    "yes": ("sí", "oui"),
    "no": ("no", "non"),
    "not coded": ("sin codificar", "non codé"),
    "abstained": ("se abstuvo", "abstention"),
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
    "Adopted": ("Aprobada", "Adoptée"),
    "draft of %(day)s": ("proyecto del %(day)s", "projet du %(day)s"),
    "not recorded": ("no consta", "non connu"),
    "No resolutions yet. Run “tracker load-samples” or “tracker import”.": (
        "Aún no hay resoluciones. Ejecute «tracker load-samples» o «tracker import».",
        "Aucune résolution pour l'instant. Lancez « tracker load-samples » ou « tracker "
        "import »."),
    "in favour": ("a favor", "pour"),
    "against": ("en contra", "contre"),
    "did not vote": ("no votó", "n'a pas voté"),
    "General Assembly": ("Asamblea General", "Assemblée générale"),
    "Human Rights Council": ("Consejo de Derechos Humanos", "Conseil des droits de l'homme"),
    "Commission on Human Rights": ("Comisión de Derechos Humanos",
                                   "Commission des droits de l'homme"),
    "English": ("inglés", "anglais"),
    "French": ("francés", "français"),
    "Spanish": ("español", "espagnol"),
    "acknowledgement": ("acuse de recibo", "accusé de réception"),
    "substantive": ("respuesta de fondo", "réponse sur le fond"),
    "confirmed": ("confirmado", "confirmé"),
    "rejected": ("rechazado", "rejeté"),
    "viewer": ("lector", "lecteur"),
    "editor": ("editor", "éditeur"),
    "administrator": ("administrador", "administrateur"),
    "member": ("miembro", "membre"),
    "observer": ("observador", "observateur"),
    "participant": ("participante", "participant"),
    # Region schemes (tracker/reference.py)
    "UN regional groups": ("Grupos regionales de la ONU", "Groupes régionaux de l'ONU"),
    "The five regional groups of Member States; each state counts in one group for elections. "
    "Türkiye also takes part in Asia-Pacific; the United States sits in WEOG as an observer.": (
        "Los cinco grupos regionales de Estados Miembros; cada Estado cuenta en un grupo a "
        "efectos electorales. Türkiye también participa en el de Asia y el Pacífico; los Estados "
        "Unidos forman parte del WEOG como observador.",
        "Les cinq groupes régionaux d'États Membres ; chaque État compte dans un groupe pour les "
        "élections. La Türkiye participe aussi au groupe Asie-Pacifique ; les États-Unis siègent "
        "au WEOG en tant qu'observateur."),
    "M49 regions": ("Regiones M49", "Régions M49"),
    "The UN Statistics Division's geographic regions.": (
        "Las regiones geográficas de la División de Estadística de las Naciones Unidas.",
        "Les régions géographiques de la Division de statistique de l'ONU."),
    "Regions of the SR on human rights defenders": (
        "Regiones del Relator Especial sobre los defensores de los derechos humanos",
        "Régions du Rapporteur spécial sur les défenseurs des droits de l'homme"),
    "The five regions the Special Rapporteur on human rights defenders reports by. Membership "
    "derived by the tracker from M49 sub-regions (the mandate publishes no list): MENA is "
    "Northern Africa, Iran and Western Asia but the Caucasus, Cyprus and Türkiye.": (
        "Las cinco regiones con las que informa el Relator Especial sobre los defensores de los "
        "derechos humanos. La pertenencia la deduce el sistema de las subregiones M49 (el "
        "mandato no publica ninguna lista): Oriente Medio y Norte de África comprende África "
        "septentrional, el Irán y Asia occidental salvo el Cáucaso, Chipre y Türkiye.",
        "Les cinq régions selon lesquelles rend compte le Rapporteur spécial sur les défenseurs "
        "des droits de l'homme. L'appartenance est déduite par l'outil des sous-régions M49 (le "
        "mandat ne publie aucune liste) : le Moyen-Orient et l'Afrique du Nord regroupent "
        "l'Afrique du Nord, l'Iran et l'Asie occidentale sauf le Caucase, Chypre et la "
        "Türkiye."),
    # Groups (tracker/groups.py; the five regional groups also in tracker/data/states.csv),
    # under the names of the UN's Department for General Assembly and Conference Management
    "African Group": ("Grupo de los Estados de África", "Groupe des États d'Afrique"),
    "Asia-Pacific Group": ("Grupo de los Estados de Asia y el Pacífico",
                           "Groupe des États d'Asie et du Pacifique"),
    "Eastern European Group": ("Grupo de los Estados de Europa Oriental",
                               "Groupe des États d'Europe orientale"),
    "GRULAC": ("Grupo de los Estados de América Latina y el Caribe",
               "Groupe des États d'Amérique latine et des Caraïbes"),
    "WEOG": ("Grupo de los Estados de Europa Occidental y otros Estados",
             "Groupe des États d'Europe occidentale et autres États"),
    "European Union": ("Unión Europea", "Union européenne"),
    "Group of 77": ("Grupo de los 77", "Groupe des 77"),
    "Arab Group": ("Grupo de los Estados Árabes", "Groupe des États arabes"),
    "Organization of Islamic Cooperation": ("Organización de Cooperación Islámica",
                                            "Organisation de la coopération islamique"),
    "Non-Aligned Movement": ("Movimiento de Países No Alineados",
                             "Mouvement des pays non alignés"),
    "Economic Community of West African States": (
        "Comunidad Económica de los Estados de África Occidental",
        "Communauté économique des États de l'Afrique de l'Ouest"),
    "Southern African Development Community": ("Comunidad de África Meridional para el "
                                               "Desarrollo",
                                               "Communauté de développement de l'Afrique "
                                               "australe"),
    "Group B (UNCTAD)": ("Grupo B (UNCTAD)", "Groupe B (CNUCED)"),
    "Caribbean States": ("Estados del Caribe", "États des Caraïbes"),
    "Nordic countries": ("Países nórdicos", "Pays nordiques"),
    "Other States": ("Otros Estados", "Autres États"),
    # Regions (tracker/data/states.csv): the UN Statistics Division's M49 names in Spanish
    # and French, and the regions of the SR on human rights defenders
    "Africa": ("África", "Afrique"),
    "Americas": ("Américas", "Amériques"),
    "Asia": ("Asia", "Asie"),
    "Europe": ("Europa", "Europe"),
    "Oceania": ("Oceanía", "Océanie"),
    "Australia and New Zealand": ("Australia y Nueva Zelandia", "Australie et Nouvelle-Zélande"),
    "Central Asia": ("Asia central", "Asie centrale"),
    "Eastern Asia": ("Asia oriental", "Asie orientale"),
    "Eastern Europe": ("Europa oriental", "Europe orientale"),
    "Latin America and the Caribbean": ("América Latina y el Caribe",
                                        "Amérique latine et Caraïbes"),
    "Melanesia": ("Melanesia", "Mélanésie"),
    "Micronesia": ("Micronesia", "Micronésie"),
    "Northern Africa": ("África septentrional", "Afrique septentrionale"),
    "Northern America": ("América septentrional", "Amérique septentrionale"),
    "Northern Europe": ("Europa septentrional", "Europe septentrionale"),
    "Polynesia": ("Polinesia", "Polynésie"),
    "South-eastern Asia": ("Asia sudoriental", "Asie du Sud-Est"),
    "Southern Asia": ("Asia meridional", "Asie du Sud"),
    "Southern Europe": ("Europa meridional", "Europe méridionale"),
    "Sub-Saharan Africa": ("África subsahariana", "Afrique subsaharienne"),
    "Western Asia": ("Asia occidental", "Asie occidentale"),
    "Western Europe": ("Europa occidental", "Europe occidentale"),
    "Caribbean": ("Caribe", "Caraïbes"),
    "Central America": ("Centroamérica", "Amérique centrale"),
    "Eastern Africa": ("África oriental", "Afrique orientale"),
    "Middle Africa": ("África central", "Afrique centrale"),
    "South America": ("América del Sur", "Amérique du Sud"),
    "Southern Africa": ("África meridional", "Afrique australe"),
    "Western Africa": ("África occidental", "Afrique de l'Ouest"),
    "Asia-Pacific": ("Asia y el Pacífico", "Asie-Pacifique"),
    "Europe, North America and Central Asia": ("Europa, América del Norte y Asia Central",
                                               "Europe, Amérique du Nord et Asie centrale"),
    "Middle East and North Africa": ("Oriente Medio y Norte de África",
                                     "Moyen-Orient et Afrique du Nord"),
    # Mandates (tracker/data/mandates.csv): OHCHR's titles in Spanish and French, the site's
    # short labels, and our abbreviations (RE/RS: Relator Especial, Rapporteur spécial)
    "Special Rapporteur on the situation of human rights defenders": (
        "Relator Especial sobre la situación de los defensores de los derechos humanos",
        "Rapporteur spécial sur la situation des défenseurs des droits de l'homme"),
    "human rights defenders": ("defensores de los derechos humanos",
                               "défenseurs des droits de l'homme"),
    "SR HRDs": ("RE defensores", "RS défenseurs"),
    "Special Rapporteur on violence against women and girls, its causes and consequences": (
        "Relator Especial sobre la violencia contra la mujer y la niña, sus causas y "
        "consecuencias",
        "Rapporteur spécial sur la violence contre les femmes et les filles, ses causes et ses "
        "conséquences"),
    "violence against women and girls": ("violencia contra la mujer y la niña",
                                         "violence contre les femmes et les filles"),
    "SR VAWG": ("RE violencia contra la mujer", "RS violence contre les femmes"),
    "Working Group on Arbitrary Detention": ("Grupo de Trabajo sobre la Detención Arbitraria",
                                             "Groupe de travail sur la détention arbitraire"),
    "arbitrary Detention": ("detención arbitraria", "détention arbitraire"),
    "WGAD": ("GTDA", "GTDA"),
    "Special Rapporteur on the promotion and protection of the right to freedom of opinion and "
    "expression": (
        "Relator Especial sobre la promoción y protección del derecho a la libertad de opinión y "
        "de expresión",
        "Rapporteur spécial sur la promotion et la protection du droit à la liberté d'opinion et "
        "d'expression"),
    "freedom of opinion and expression": ("libertad de opinión y de expresión",
                                          "liberté d'opinion et d'expression"),
    "SR FoE": ("RE libertad de expresión", "RS liberté d'expression"),
    "Special Rapporteur on the rights to freedom of peaceful assembly and of association": (
        "Relator Especial sobre los derechos a la libertad de reunión pacífica y de asociación",
        "Rapporteur spécial sur le droit de réunion pacifique et la liberté d'association"),
    "freedom of peaceful assembly and of association": (
        "libertad de reunión pacífica y de asociación",
        "droit de réunion pacifique et liberté d'association"),
    "SR FoAA": ("RE reunión y asociación", "RS réunion et association"),
    "Working Group on Enforced or Involuntary Disappearances": (
        "Grupo de Trabajo sobre las Desapariciones Forzadas o Involuntarias",
        "Groupe de travail sur les disparitions forcées ou involontaires"),
    "disappearances": ("desapariciones", "disparitions"),
    "WGEID": ("GTDFI", "GTDFI"),
    "Special Rapporteur on extrajudicial, summary or arbitrary executions": (
        "Relator Especial sobre las ejecuciones extrajudiciales, sumarias o arbitrarias",
        "Rapporteur spécial sur les exécutions extrajudiciaires, sommaires ou arbitraires"),
    "executions": ("ejecuciones", "exécutions"),
    "SR Executions": ("RE ejecuciones", "RS exécutions"),
    "Special Rapporteur on torture and other cruel, inhuman or degrading treatment or "
    "punishment": (
        "Relator Especial sobre la tortura y otros tratos o penas crueles, inhumanos o "
        "degradantes",
        "Rapporteur spécial sur la torture et autres peines ou traitements cruels, inhumains ou "
        "dégradants"),
    "torture": ("tortura", "torture"),
    "SR Torture": ("RE tortura", "RS torture"),
    "Special Rapporteur on the independence of judges and lawyers": (
        "Relator Especial sobre la independencia de los magistrados y abogados",
        "Rapporteur spécial sur l'indépendance des juges et des avocats"),
    "independence of judges and lawyers": ("independencia de los magistrados y abogados",
                                           "indépendance des juges et des avocats"),
    "SR IJL": ("RE independencia judicial", "RS indépendance des juges"),
    "Special Rapporteur on the promotion and protection of human rights and fundamental "
    "freedoms while countering terrorism": (
        "Relator Especial sobre la promoción y la protección de los derechos humanos y las "
        "libertades fundamentales en la lucha contra el terrorismo",
        "Rapporteur spécial sur la promotion et la protection des droits de l'homme et des "
        "libertés fondamentales dans la lutte antiterroriste"),
    "terrorism": ("terrorismo", "terrorisme"),
    "SR CT": ("RE terrorismo", "RS terrorisme"),
    "Special Rapporteur on the right to privacy": (
        "Relator Especial sobre el derecho a la privacidad",
        "Rapporteur spécial sur le droit à la vie privée"),
    "privacy": ("privacidad", "vie privée"),
    "SR Privacy": ("RE privacidad", "RS vie privée"),
    "Working Group on the issue of human rights and transnational corporations and other "
    "business enterprises": (
        "Grupo de Trabajo sobre la cuestión de los derechos humanos y las empresas "
        "transnacionales y otras empresas",
        "Groupe de travail sur la question des droits de l'homme et des sociétés transnationales "
        "et autres entreprises"),
    "business": ("empresas", "entreprises"),
    "WG Business": ("GT empresas", "GT entreprises"),
    "Special Rapporteur on the issue of human rights obligations relating to the enjoyment of "
    "a safe, clean, healthy and sustainable environment": (
        "Relator Especial sobre la cuestión de las obligaciones de derechos humanos relacionadas "
        "con el disfrute de un medio ambiente sin riesgos, limpio, saludable y sostenible",
        "Rapporteur spécial sur la question des obligations relatives aux droits de l'homme se "
        "rapportant aux moyens de bénéficier d'un environnement sûr, propre, sain et durable"),
    "environment": ("medio ambiente", "environnement"),
    "SR Environment": ("RE medio ambiente", "RS environnement"),
    "Special Rapporteur on the rights of Indigenous Peoples": (
        "Relator Especial sobre los derechos de los pueblos indígenas",
        "Rapporteur spécial sur les droits des peuples autochtones"),
    "Indigenous Peoples": ("pueblos indígenas", "peuples autochtones"),
    "SR IPs": ("RE pueblos indígenas", "RS peuples autochtones"),
    "Working Group of Experts on People of African Descent": (
        "Grupo de Trabajo de Expertos sobre los Afrodescendientes",
        "Groupe de travail d'experts sur les personnes d'ascendance africaine"),
    "African Descent": ("afrodescendientes", "personnes d'ascendance africaine"),
    "WGEPAD": ("GT afrodescendientes", "GT ascendance africaine"),
    "Special Rapporteur on the situation of human rights in Belarus": (
        "Relator Especial sobre la situación de los derechos humanos en Belarús",
        "Rapporteur spécial sur la situation des droits de l'homme au Bélarus"),
    "Belarus": ("Belarús", "Bélarus"),
    "SR Belarus": ("RE Belarús", "RS Bélarus"),
    "Special Rapporteur on the situation of human rights in the Islamic Republic of Iran": (
        "Relator Especial sobre la situación de los derechos humanos en la República Islámica "
        "del Irán",
        "Rapporteur spécial sur la situation des droits de l'homme en République islamique "
        "d'Iran"),
    "Iran (Islamic Republic of)": ("Irán (República Islámica del)",
                                   "Iran (République islamique d')"),
    "SR Iran": ("RE Irán", "RS Iran"),
    "Special Rapporteur on the situation of human rights in the Palestinian territories "
    "occupied since 1967": (
        "Relator Especial sobre la situación de los derechos humanos en los territorios "
        "palestinos ocupados desde 1967",
        "Rapporteur spécial sur la situation des droits de l'homme dans les territoires "
        "palestiniens occupés depuis 1967"),
    "Palestinian territories occupied since 1967": (
        "territorios palestinos ocupados desde 1967",
        "territoires palestiniens occupés depuis 1967"),
    "SR OPT": ("RE TPO", "RS TPO"),
    "Special Rapporteur on the situation of human rights in the Russian Federation": (
        "Relator Especial sobre la situación de los derechos humanos en la Federación de Rusia",
        "Rapporteur spécial sur la situation des droits de l'homme en Fédération de Russie"),
    "Russian Federation": ("Federación de Rusia", "Fédération de Russie"),
    "SR Russia": ("RE Rusia", "RS Russie"),
    "Special Rapporteur on minority issues": (
        "Relator Especial sobre cuestiones de las minorías",
        "Rapporteur spécial sur les questions relatives aux minorités"),
    "minority issues": ("cuestiones de las minorías", "questions relatives aux minorités"),
    "SR Minorities": ("RE minorías", "RS minorités"),
    "Special Rapporteur on the implications for human rights of the environmentally sound "
    "management and disposal of hazardous substances and wastes": (
        "Relator Especial sobre las implicaciones para los derechos humanos de la gestión y "
        "eliminación ecológicamente racionales de las sustancias y los desechos peligrosos",
        "Rapporteur spécial sur les incidences sur les droits de l'homme de la gestion et de "
        "l'élimination écologiquement rationnelles des produits et déchets dangereux"),
    "toxics and human rights": ("sustancias tóxicas y derechos humanos",
                                "produits toxiques et droits de l'homme"),
    "SR Toxics": ("RE sustancias tóxicas", "RS produits toxiques"),
    "Special Rapporteur on the promotion and protection of human rights in the context of "
    "climate change": (
        "Relator Especial sobre la promoción y protección de los derechos humanos en el "
        "contexto del cambio climático",
        "Rapporteur spécial sur la promotion et la protection des droits de l'homme dans le "
        "contexte des changements climatiques"),
    "climate change": ("cambio climático", "changements climatiques"),
    "SR Climate": ("RE cambio climático", "RS climat"),
    "Special Rapporteur on the right of everyone to the enjoyment of the highest attainable "
    "standard of physical and mental health": (
        "Relator Especial sobre el derecho de toda persona al disfrute del más alto nivel "
        "posible de salud física y mental",
        "Rapporteur spécial sur le droit qu'a toute personne de jouir du meilleur état de santé "
        "physique et mentale possible"),
    "health": ("salud", "santé"),
    "SR Health": ("RE salud", "RS santé"),
    "Special Rapporteur on the human rights of internally displaced persons": (
        "Relator Especial sobre los derechos humanos de los desplazados internos",
        "Rapporteur spécial sur les droits humains des personnes déplacées dans leur propre "
        "pays"),
    "internally displaced persons": ("desplazados internos",
                                     "personnes déplacées dans leur propre pays"),
    "SR IDPs": ("RE desplazados internos", "RS personnes déplacées"),
    # The search page: how the query was read, sorting, pages, the sidebar
    "Search communications": ("Buscar comunicaciones", "Rechercher des communications"),
    "This search as a feed": ("Esta búsqueda como canal", "Cette recherche en flux"),
    "The query was cut to its first %(n)d characters.": (
        "La consulta se recortó a sus primeros %(n)d caracteres.",
        "La requête a été réduite à ses %(n)d premiers caractères."),
    "The query had no words to search for, so everything is shown.": (
        "La consulta no tenía palabras que buscar, así que se muestra todo.",
        "La requête ne contenait aucun mot à chercher : tout est affiché."),
    "Your query could not be read as written, so we searched for its words: %(words)s": (
        "No se pudo leer la consulta tal como está escrita, así que buscamos sus palabras: "
        "%(words)s",
        "La requête n'a pas pu être lue telle qu'elle est écrite : nous avons cherché ses "
        "mots : %(words)s"),
    "Page %(page)d of %(pages)d is past the end.": (
        "La página %(page)d de %(pages)d está más allá del final.",
        "La page %(page)d sur %(pages)d est au-delà de la fin."),
    "Go to the last page": ("Ir a la última página", "Aller à la dernière page"),
    "Sort": ("Ordenar", "Trier"),
    "Reference, A to Z": ("Referencia, de la A a la Z", "Référence, de A à Z"),
    "Reference, Z to A": ("Referencia, de la Z a la A", "Référence, de Z à A"),
    "State, A to Z": ("Estado, de la A a la Z", "État, de A à Z"),
    "State, Z to A": ("Estado, de la Z a la A", "État, de Z à A"),
    "No reply yet first": ("Primero las que no tienen respuesta",
                           "D'abord celles sans réponse"),
    "Reply received first": ("Primero las que tienen respuesta",
                             "D'abord celles avec réponse"),
    "Remove the filter %(name)s: %(value)s": ("Quitar el filtro %(name)s: %(value)s",
                                              "Retirer le filtre %(name)s : %(value)s"),
    "Results": ("Resultados", "Résultats"),
    "Filters": ("Filtros", "Filtres"),
    "Year sent": ("Año de envío", "Année d'envoi"),
    "undated": ("sin fecha", "non datée"),
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
    "Share": ("Proporción", "Part"),
    "none": ("ninguno", "aucun"),
    "Each State coloured by its sponsorship of the resolution’s draft.": (
        "Cada Estado coloreado según su patrocinio del proyecto de resolución.",
        "Chaque État est coloré selon son parrainage du projet de résolution."),
    "Too small for this map:": ("Demasiado pequeños para este mapa:",
                                "Trop petits pour cette carte :"),
    "%(name)s (group)": ("%(name)s (grupo)", "%(name)s (groupe)"),
    "None recorded.": ("Ninguno registrado.", "Aucun enregistré."),
    "withdrew its sponsorship": ("retiró su patrocinio", "a retiré son parrainage"),
    "on the draft as printed": ("en el proyecto impreso", "sur le projet tel qu'imprimé"),
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
    "States counted in each region": ("Estados contados en cada región",
                                      "États comptés dans chaque région"),
    "Each State links to its profile: letters received, replies, sponsorships and votes.": (
        "Cada Estado enlaza a su perfil: cartas recibidas, respuestas, patrocinios y votos.",
        "Chaque État renvoie à son profil : lettres reçues, réponses, parrainages et votes."),
    "Code": ("Código", "Code"),
    "M49": ("M49", "M49"),
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
    # The Special Rapporteur's tables, the map and the coded facets (dashboard, briefs, search)
    "Communications by region, with the share involving women": (
        "Comunicaciones por región, con la proporción que concierne a mujeres",
        "Communications par région, avec la part concernant des femmes"),
    "Communications by attack type": ("Comunicaciones por tipo de ataque",
                                      "Communications par type d'attaque"),
    "Attack type": ("Tipo de ataque", "Type d'attaque"),
    "Communications by perpetrator": ("Comunicaciones por autor",
                                      "Communications par auteur"),
    "The letters": ("Las cartas", "Les lettres"),
    "From the year": ("Desde el año", "Depuis l'année"),
    "the first": ("el primero", "la première"),
    "To the year": ("Hasta el año", "Jusqu'à l'année"),
    "the last": ("el último", "la dernière"),
    "Period": ("Período", "Période"),
    "Involving women: the share of the letters coded for women, as the Special Rapporteur "
    "counts it.": (
        "Conciernen a mujeres: la proporción de las cartas codificadas para mujeres, como la "
        "cuenta el Relator Especial.",
        "Concernant des femmes : la part des lettres codées pour les femmes, comme le compte "
        "le Rapporteur spécial."),
    "%% of all": ("%% del total", "%% du total"),
    "Involving women": ("Conciernen a mujeres", "Concernant des femmes"),
    "%% of coded": ("%% de las codificadas", "%% des codées"),
    "%% of coded for women": ("%% de las codificadas para mujeres",
                              "%% des codées pour les femmes"),
    "Letters to States outside the scheme’s regions and to companies or other non-State "
    "addressees have rows of their own, so the rows add up to the total.": (
        "Las cartas a Estados fuera de las regiones del esquema y a empresas u otros "
        "destinatarios no estatales tienen filas propias, de modo que las filas suman el total.",
        "Les lettres aux États hors des régions du découpage et aux entreprises ou autres "
        "destinataires non étatiques ont leurs propres lignes : les lignes font le total."),
    "No communication in this selection is coded yet.": (
        "Ninguna comunicación de esta selección está codificada todavía.",
        "Aucune communication de cette sélection n'est encore codée."),
    "A letter can report several, so the rows add up to more than the letters and the "
    "percentages to more than 100.": (
        "Una carta puede señalar varios, así que las filas suman más que las cartas y los "
        "porcentajes más de 100.",
        "Une lettre peut en signaler plusieurs : les lignes font plus que le nombre de "
        "lettres et les pourcentages plus de 100."),
    "The Special Rapporteur’s tables": ("Las tablas del Relator Especial",
                                        "Les tableaux du Rapporteur spécial"),
    "The layout of the annual report of the Special Rapporteur on human rights defenders, for "
    "the selection above: any mandate, period and region scheme.": (
        "La presentación del informe anual del Relator Especial sobre los defensores de "
        "derechos humanos, para la selección de arriba: cualquier mandato, período y esquema "
        "de regiones.",
        "La présentation du rapport annuel du Rapporteur spécial sur les défenseurs des "
        "droits humains, pour la sélection ci-dessus : tout mandat, toute période et tout "
        "découpage régional."),
    "Map of communications by State": ("Mapa de las comunicaciones por Estado",
                                       "Carte des communications par État"),
    "Show on the map": ("Mostrar en el mapa", "Afficher sur la carte"),
    "Not on the map:": ("Fuera del mapa:", "Hors de la carte :"),
    "companies and other non-State addressees": (
        "empresas y otros destinatarios no estatales",
        "entreprises et autres destinataires non étatiques"),
    "Kind of perpetrator": ("Clase de autor", "Catégorie d'auteur"),
    "Risk factor": ("Factor de riesgo", "Facteur de risque"),
    "Not yet coded: %(num)d of %(total)d communications.": (
        "Aún sin codificar: %(num)d de %(total)d comunicaciones.",
        "Pas encore codées : %(num)d sur %(total)d communications."),
    "All communications": ("Todas las comunicaciones", "Toutes les communications"),
    "States in no region of this scheme": ("Estados fuera de las regiones de este esquema",
                                           "États hors des régions de ce découpage"),
    "Coded, none found": ("Codificadas, sin ninguno", "Codées, aucun trouvé"),
    "Coded communications": ("Comunicaciones codificadas", "Communications codées"),
    "A period is given in years, such as 2013; the year that could not be read was left "
    "out.": (
        "Un período se indica en años, como 2013; se omitió el año que no se pudo leer.",
        "Une période se donne en années, comme 2013 ; l'année illisible a été laissée de "
        "côté."),
    "The period ended before it started, so its years were swapped.": (
        "El período terminaba antes de empezar, así que se intercambiaron sus años.",
        "La période finissait avant de commencer : ses années ont été interverties."),
    "Communications by State: %(what)s": ("Comunicaciones por Estado: %(what)s",
                                          "Communications par État : %(what)s"),
    "coded": ("codificada", "codée"),
    "The same by region": ("Lo mismo por región", "La même chose par région"),
    # The case map (tracker/views/case_map.py)
    "Case map": ("Mapa de casos", "Carte des cas"),
    "Cases from the organisation’s private register, counted by State, never one by one. "
    "A case counts once in the year of its first incident, and once under each value it "
    "has.": (
        "Casos del registro privado de la organización, contados por Estado, nunca uno a "
        "uno. Un caso cuenta una vez en el año de su primer incidente, y una vez bajo cada "
        "valor que tiene.",
        "Cas du registre privé de l'organisation, comptés par État, jamais un par un. Un cas "
        "compte une fois, l'année de son premier incident, et une fois sous chaque valeur "
        "qu'il porte."),
    "Count by": ("Contar por", "Compter par"),
    "All States": ("Todos los Estados", "Tous les États"),
    "Gender": ("Género", "Genre"),
    "Any": ("Cualquiera", "Tous"),
    # The case register (templates/cases, templates/admin/vocabulary.html, tracker/cases.py)
    "Case %(number)s": ("Caso %(number)s", "Dossier %(number)s"),
    "New case": ("Nuevo caso", "Nouveau dossier"),
    "Edit the case": ("Editar el caso", "Modifier le dossier"),
    "The case": ("El caso", "Le dossier"),
    "Edit": ("Editar", "Modifier"),
    "History": ("Historial", "Historique"),
    "History of the case": ("Historial del caso", "Historique du dossier"),
    "Retention": ("Conservación", "Conservation"),
    "Vocabulary": ("Vocabulario", "Vocabulaire"),
    "The organisation's private register of defenders' cases. Names and contact details are "
    "encrypted and shown only on request.": (
        "El registro privado de la organización con los casos de defensoras. Los nombres y "
        "datos de contacto están cifrados y solo se muestran a petición.",
        "Le registre privé de l'organisation des dossiers de défenseuses. Les noms et "
        "coordonnées sont chiffrés et ne s'affichent que sur demande."),
    "Review them": ("Revisarlos", "Les examiner"),
    "The register is empty": ("El registro está vacío", "Le registre est vide"),
    "Add the first case with its pseudonym, State and what happened; a name and contact "
    "details are optional and stored encrypted.": (
        "Añada el primer caso con su seudónimo, el Estado y lo ocurrido; el nombre y los datos "
        "de contacto son opcionales y se guardan cifrados.",
        "Ajoutez le premier dossier avec son pseudonyme, l'État et ce qui s'est passé ; le nom "
        "et les coordonnées sont facultatifs et conservés chiffrés."),
    "To try the register with made-up cases, run:": (
        "Para probar el registro con casos inventados, ejecute:",
        "Pour essayer le registre avec des dossiers fictifs, lancez :"),
    "Pseudonym or province": ("Seudónimo o provincia", "Pseudonyme ou province"),
    "Pseudonym": ("Seudónimo", "Pseudonyme"),
    "not WHRD": ("no DDH", "pas DDH"),
    "Past retention date": ("Fecha de conservación vencida", "Date de conservation passée"),
    "Clear": ("Borrar", "Effacer"),
    "Incidents": ("Incidentes", "Incidents"),
    "Updated": ("Actualizado", "Mis à jour"),
    "No case matches these filters.": ("Ningún caso corresponde a estos filtros.",
                                       "Aucun dossier ne correspond à ces filtres."),
    "The case was not saved: see the field marked below.": (
        "El caso no se guardó: vea el campo señalado abajo.",
        "Le dossier n'a pas été enregistré : voyez le champ signalé plus bas."),
    "How the case is named everywhere: never the real name.": (
        "Cómo se nombra el caso en todas partes: nunca el nombre real.",
        "Le nom du dossier partout : jamais le vrai nom."),
    "Choose a State": ("Elija un Estado", "Choisissez un État"),
    "Province": ("Provincia", "Province"),
    "Never finer than a province or region.": ("Nunca más preciso que una provincia o región.",
                                               "Jamais plus précis qu'une province ou région."),
    "Woman human rights defender": ("Defensora de derechos humanos",
                                    "Défenseuse des droits humains"),
    "Incident dates": ("Fechas de los incidentes", "Dates des incidents"),
    "YYYY-MM-DD, separated by commas": ("AAAA-MM-DD, separadas por comas",
                                        "AAAA-MM-JJ, séparées par des virgules"),
    "Perpetrators": ("Autores", "Auteurs"),
    "Attacks": ("Ataques", "Attaques"),
    "Name and contact": ("Nombre y contacto", "Nom et coordonnées"),
    "Stored encrypted; shown only to those allowed, on request, and the reading is logged.": (
        "Se guarda cifrado; solo se muestra a quien está autorizado, a petición, y la lectura "
        "queda registrada.",
        "Conservé chiffré ; affiché seulement aux personnes autorisées, sur demande, et la "
        "lecture est journalisée."),
    "A name is recorded. Leave the fields blank to keep it as it is, or type a new one to "
    "replace it.": (
        "Hay un nombre registrado. Deje los campos vacíos para conservarlo tal cual, o escriba "
        "uno nuevo para reemplazarlo.",
        "Un nom est enregistré. Laissez les champs vides pour le garder tel quel, ou saisissez-"
        "en un nouveau pour le remplacer."),
    "Name": ("Nombre", "Nom"),
    "Contact": ("Contacto", "Coordonnées"),
    "Keep as is": ("Conservar tal cual", "Garder tel quel"),
    "Remove the name and contact": ("Quitar el nombre y el contacto",
                                    "Retirer le nom et les coordonnées"),
    "Notes": ("Notas", "Notes"),
    "Keep until": ("Conservar hasta", "Conserver jusqu'au"),
    "Empty: %(days)s days from today.": ("Vacío: %(days)s días a partir de hoy.",
                                         "Vide : %(days)s jours à partir d'aujourd'hui."),
    "Save the case": ("Guardar el caso", "Enregistrer le dossier"),
    "Every save is a version. The name, contact and notes stay encrypted in a version: a "
    "comparison only says that they changed.": (
        "Cada guardado es una versión. El nombre, el contacto y las notas siguen cifrados en "
        "una versión: una comparación solo dice que cambiaron.",
        "Chaque enregistrement est une version. Le nom, les coordonnées et les notes restent "
        "chiffrés dans une version : une comparaison dit seulement qu'ils ont changé."),
    "Version %(a)s and version %(b)s": ("Versión %(a)s y versión %(b)s",
                                        "Version %(a)s et version %(b)s"),
    "Field": ("Campo", "Champ"),
    "Version %(number)s": ("Versión %(number)s", "Version %(number)s"),
    "changed (encrypted: not shown in the history)": (
        "cambió (cifrado: no se muestra en el historial)",
        "modifié (chiffré : pas affiché dans l'historique)"),
    "Nothing differs between these versions.": ("Nada difiere entre estas versiones.",
                                                "Rien ne diffère entre ces versions."),
    "Compare": ("Comparar", "Comparer"),
    "Who": ("Quién", "Qui"),
    "What changed": ("Qué cambió", "Ce qui a changé"),
    "older": ("anterior", "antérieure"),
    "newer": ("posterior", "postérieure"),
    "Compare the two versions": ("Comparar las dos versiones", "Comparer les deux versions"),
    "Cases past their retention date": ("Casos cuya fecha de conservación venció",
                                        "Dossiers dont la date de conservation est passée"),
    "A case is kept until its retention date. After it, an administrator keeps it with a new "
    "date or deletes it with its versions and submissions; the audit log keeps only that it "
    "was deleted.": (
        "Un caso se conserva hasta su fecha de conservación. Después, un administrador lo "
        "conserva con una nueva fecha o lo elimina con sus versiones y presentaciones; el "
        "registro de auditoría solo guarda que fue eliminado.",
        "Un dossier est conservé jusqu'à sa date de conservation. Ensuite, un administrateur "
        "le garde avec une nouvelle date ou le supprime avec ses versions et ses soumissions ; "
        "le journal d'audit garde seulement qu'il a été supprimé."),
    "kept until %(date)s": ("conservado hasta el %(date)s", "conservé jusqu'au %(date)s"),
    "Keep": ("Conservar", "Conserver"),
    "Type the pseudonym to delete": ("Escriba el seudónimo para eliminar",
                                     "Saisissez le pseudonyme pour supprimer"),
    "Only an administrator can keep or delete a case.": (
        "Solo un administrador puede conservar o eliminar un caso.",
        "Seul un administrateur peut conserver ou supprimer un dossier."),
    "No case is past its retention date.": (
        "Ningún caso ha pasado su fecha de conservación.",
        "Aucun dossier n'a dépassé sa date de conservation."),
    "This case is past its retention date (%(date)s): keep it with a new date or delete it.": (
        "Este caso pasó su fecha de conservación (%(date)s): consérvelo con una nueva fecha o "
        "elimínelo.",
        "Ce dossier a dépassé sa date de conservation (%(date)s) : gardez-le avec une nouvelle "
        "date ou supprimez-le."),
    "version %(version)s": ("versión %(version)s", "version %(version)s"),
    "No name or contact is recorded.": ("No hay nombre ni contacto registrados.",
                                        "Aucun nom ni coordonnées enregistrés."),
    "Your reading was logged.": ("Su lectura quedó registrada.",
                                 "Votre lecture a été journalisée."),
    "Hide them": ("Ocultarlos", "Les masquer"),
    "Show name and contact": ("Mostrar nombre y contacto", "Afficher le nom et les coordonnées"),
    "Your reading will be logged.": ("Su lectura quedará registrada.",
                                     "Votre lecture sera journalisée."),
    "A name is recorded. Your role does not let you read it.": (
        "Hay un nombre registrado. Su función no le permite leerlo.",
        "Un nom est enregistré. Votre rôle ne vous permet pas de le lire."),
    "No notes.": ("Sin notas.", "Pas de notes."),
    "Submissions": ("Presentaciones", "Soumissions"),
    "Created": ("Creado", "Créé"),
    "The form lost the case's version: open the case again.": (
        "El formulario perdió la versión del caso: ábralo de nuevo.",
        "Le formulaire a perdu la version du dossier : ouvrez-le à nouveau."),
    "Case saved.": ("Caso guardado.", "Dossier enregistré."),
    "Your role does not let you read names and contact details.": (
        "Su función no le permite leer nombres ni datos de contacto.",
        "Votre rôle ne vous permet pas de lire les noms et coordonnées."),
    "Give a date in the future to keep a case until (YYYY-MM-DD).": (
        "Indique una fecha futura hasta la que conservar el caso (AAAA-MM-DD).",
        "Indiquez une date future jusqu'à laquelle conserver le dossier (AAAA-MM-JJ)."),
    "Case %(number)s is kept until %(date)s.": (
        "El caso %(number)s se conserva hasta el %(date)s.",
        "Le dossier %(number)s est conservé jusqu'au %(date)s."),
    "Type the case's pseudonym exactly to delete it. Nothing was deleted.": (
        "Escriba exactamente el seudónimo del caso para eliminarlo. No se eliminó nada.",
        "Saisissez exactement le pseudonyme du dossier pour le supprimer. Rien n'a été "
        "supprimé."),
    "The case was deleted, with its versions and submissions.": (
        "El caso se eliminó, con sus versiones y presentaciones.",
        "Le dossier a été supprimé, avec ses versions et ses soumissions."),
    "Documented": ("Documentado", "Documenté"),
    "Submitted to the UN": ("Presentado a la ONU", "Soumis à l'ONU"),
    "Communication sent": ("Comunicación enviada", "Communication envoyée"),
    "Reply received": ("Respuesta recibida", "Réponse reçue"),
    "Follow-up": ("Seguimiento", "Suivi"),
    "Closed": ("Cerrado", "Clos"),
    "Woman": ("Mujer", "Femme"),
    "Man": ("Hombre", "Homme"),
    "Non-binary": ("No binario", "Non binaire"),
    "Not known": ("No se sabe", "Inconnu"),
    "Women human rights defenders only": ("Solo defensoras de derechos humanos",
                                          "Défenseures des droits humains uniquement"),
    "Cases by State and %(what)s": ("Casos por Estado y %(what)s",
                                    "Cas par État et %(what)s"),
    "No case in the register matches this selection.": (
        "Ningún caso del registro corresponde a esta selección.",
        "Aucun cas du registre ne correspond à cette sélection."),
    "hidden": ("oculto", "masqué"),
    "Figures from the organisation’s private register, not from the UN. “Hidden”: fewer "
    "than %(n)d cases, or withheld so that a hidden figure cannot be worked out from the "
    "totals; a State with fewer than %(n)d cases shows no figure at all. A case with "
    "several values counts under each, so a State’s cells can add up to more than its "
    "cases.": (
        "Cifras del registro privado de la organización, no de la ONU. «Oculto»: menos de "
        "%(n)d casos, o retenido para que una cifra oculta no pueda deducirse de los "
        "totales; un Estado con menos de %(n)d casos no muestra ninguna cifra. Un caso con "
        "varios valores cuenta bajo cada uno, así que las celdas de un Estado pueden sumar "
        "más que sus casos.",
        "Chiffres du registre privé de l'organisation, non de l'ONU. « Masqué » : moins de "
        "%(n)d cas, ou retenu pour qu'un chiffre masqué ne puisse se déduire des totaux ; "
        "un État de moins de %(n)d cas ne montre aucun chiffre. Un cas à plusieurs valeurs "
        "compte sous chacune : les cellules d'un État peuvent faire plus que ses cas."),
    "Map of cases by State": ("Mapa de casos por Estado", "Carte des cas par État"),
    "Cases by State: %(what)s. States left blank have no case, or a hidden figure.": (
        "Casos por Estado: %(what)s. Los Estados en blanco no tienen casos, o tienen una "
        "cifra oculta.",
        "Cas par État : %(what)s. Les États laissés en blanc n'ont aucun cas, ou un chiffre "
        "masqué."),
    "Cases and UN communications by %(what)s": (
        "Casos y comunicaciones de la ONU por %(what)s",
        "Cas et communications de l'ONU par %(what)s"),
    "Beside what the organisation documented, what the Special Procedures sent: the public "
    "communications, coded, for the same period and region.": (
        "Junto a lo que la organización documentó, lo que enviaron los Procedimientos "
        "Especiales: las comunicaciones públicas, codificadas, del mismo período y región.",
        "À côté de ce que l'organisation a documenté, ce que les Procédures spéciales ont "
        "envoyé : les communications publiques, codées, de la même période et région."),
    "Communications concerning women defenders only.": (
        "Solo comunicaciones sobre defensoras.",
        "Seulement les communications concernant des défenseures."),
    "Communications involving women only.": (
        "Solo comunicaciones que involucran a mujeres.",
        "Seulement les communications concernant des femmes."),
    "Communications are not recorded by the gender chosen, so they are not narrowed by it.": (
        "Las comunicaciones no registran el género elegido, así que no se filtran por él.",
        "Les communications n'indiquent pas le genre choisi : elles ne sont pas filtrées "
        "par lui."),
    "Cases (register)": ("Casos (registro)", "Cas (registre)"),
    "No coded communication matches this selection.": (
        "Ninguna comunicación codificada corresponde a esta selección.",
        "Aucune communication codée ne correspond à cette sélection."),
    "Perpetrator type": ("Tipo de autor", "Type d'auteur"),
    "All cases": ("Todos los casos", "Tous les cas"),
    "%(name)s: hidden": ("%(name)s: oculto", "%(name)s : masqué"),
    "Cases by State: %(what)s": ("Casos por Estado: %(what)s", "Cas par État : %(what)s"),
    "none, or hidden (fewer than %(n)d or withheld)": (
        "ninguno, u oculto (menos de %(n)d o retenido)",
        "aucun, ou masqué (moins de %(n)d ou retenu)"),
    "None recorded": ("Ninguno registrado", "Aucun enregistré"),
    "The organisation’s own cases on a map, beside these communications": (
        "Los casos de la propia organización en un mapa, junto a estas comunicaciones",
        "Les cas de l'organisation sur une carte, à côté de ces communications"),
    "Incident dates are written YYYY-MM-DD, separated by commas; this one is not: "
    "%(value)s": (
        "Las fechas de los incidentes se escriben AAAA-MM-DD, separadas por comas; esta no: "
        "%(value)s",
        "Les dates des incidents s'écrivent AAAA-MM-JJ, séparées par des virgules ; celle-ci "
        "non : %(value)s"),
    "A case needs a pseudonym: it is how the case is named everywhere.": (
        "Un caso necesita un seudónimo: es como se nombra el caso en todas partes.",
        "Un dossier a besoin d'un pseudonyme : c'est ainsi qu'il est nommé partout."),
    "Choose the State where it happened.": ("Elija el Estado donde ocurrió.",
                                            "Choisissez l'État où cela s'est passé."),
    "Unknown gender value.": ("Valor de género desconocido.", "Valeur de genre inconnue."),
    "Unknown status.": ("Estado del caso desconocido.", "Statut inconnu."),
    "Not in the vocabulary: %(value)s": ("No está en el vocabulario: %(value)s",
                                         "Absent du vocabulaire : %(value)s"),
    "The retention date is written YYYY-MM-DD.": (
        "La fecha de conservación se escribe AAAA-MM-DD.",
        "La date de conservation s'écrit AAAA-MM-JJ."),
    "Someone else saved this case meanwhile (version %(version)s, by %(user)s). Open it again "
    "and redo your change.": (
        "Otra persona guardó este caso entretanto (versión %(version)s, por %(user)s). Ábralo "
        "de nuevo y rehaga su cambio.",
        "Quelqu'un d'autre a enregistré ce dossier entre-temps (version %(version)s, par "
        "%(user)s). Ouvrez-le à nouveau et refaites votre modification."),
    # The case vocabulary (tracker/vocabulary_edits.py, templates/admin/vocabulary.html)
    "Case vocabulary": ("Vocabulario de los casos", "Vocabulaire des dossiers"),
    "The perpetrators, attacks and risk factors the case register codes with. Add a term, "
    "change a label, or retire a term: a retired term disappears from the forms and keeps its "
    "label where a case has it. A slug is never renamed or deleted.": (
        "Los autores, ataques y factores de riesgo con los que se codifican los casos. Añada "
        "un término, cambie una etiqueta o retire un término: un término retirado desaparece "
        "de los formularios y conserva su etiqueta donde un caso lo tiene. Un identificador "
        "nunca se renombra ni se elimina.",
        "Les auteurs, attaques et facteurs de risque avec lesquels les dossiers sont codés. "
        "Ajoutez un terme, changez un libellé ou retirez un terme : un terme retiré disparaît "
        "des formulaires et garde son libellé là où un dossier l'a. Un identifiant n'est "
        "jamais renommé ni supprimé."),
    "The coder of communications keeps using the vocabulary file: to make the rules code a new "
    "term, edit rules.toml.": (
        "El codificador de comunicaciones sigue usando el archivo de vocabulario: para que las "
        "reglas codifiquen un término nuevo, edite rules.toml.",
        "Le codeur des communications continue d'utiliser le fichier du vocabulaire : pour que "
        "les règles codent un nouveau terme, modifiez rules.toml."),
    "Add a term": ("Añadir un término", "Ajouter un terme"),
    "Scheme": ("Esquema", "Schéma"),
    "Kind of perpetrator (perpetrators only)": ("Tipo de autor (solo autores)",
                                                "Type d'auteur (auteurs seulement)"),
    "Slug": ("Identificador", "Identifiant"),
    "lower-case letters, digits and underscores; never changed later": (
        "minúsculas, cifras y guiones bajos; nunca se cambia después",
        "minuscules, chiffres et tirets bas ; jamais modifié ensuite"),
    "Label in English": ("Etiqueta en inglés", "Libellé en anglais"),
    "Label in Spanish": ("Etiqueta en español", "Libellé en espagnol"),
    "Label in French": ("Etiqueta en francés", "Libellé en français"),
    "Scope note": ("Nota de alcance", "Note d'application"),
    "what the term covers and what it does not": ("lo que el término abarca y lo que no",
                                                  "ce que le terme couvre et ce qu'il ne "
                                                  "couvre pas"),
    "Add the term": ("Añadir el término", "Ajouter le terme"),
    "retired": ("retirado", "retiré"),
    "added here": ("añadido aquí", "ajouté ici"),
    "An empty field keeps the current label.": ("Un campo vacío conserva la etiqueta actual.",
                                                "Un champ vide garde le libellé actuel."),
    "Save the labels": ("Guardar las etiquetas", "Enregistrer les libellés"),
    "Bring it back": ("Restablecerlo", "Le rétablir"),
    "Retire it": ("Retirarlo", "Le retirer"),
    "A new term needs an English label.": ("Un término nuevo necesita una etiqueta en inglés.",
                                           "Un nouveau terme a besoin d'un libellé en "
                                           "anglais."),
    "Terms are added to perpetrators, attacks or risk factors only.": (
        "Solo se añaden términos a autores, ataques o factores de riesgo.",
        "On n'ajoute des termes qu'aux auteurs, attaques ou facteurs de risque."),
    "A slug is 2 to 40 lower-case letters, digits or underscores, starting with a letter.": (
        "Un identificador tiene de 2 a 40 minúsculas, cifras o guiones bajos, y empieza por "
        "una letra.",
        "Un identifiant compte de 2 à 40 minuscules, chiffres ou tirets bas, et commence par "
        "une lettre."),
    "This scheme already has the slug %(value)s.": (
        "Este esquema ya tiene el identificador %(value)s.",
        "Ce schéma a déjà l'identifiant %(value)s."),
    "Choose whether this perpetrator is State, non-State or unknown.": (
        "Indique si este autor es estatal, no estatal o desconocido.",
        "Indiquez si cet auteur est étatique, non étatique ou inconnu."),
    "No such term: %(value)s": ("No existe el término: %(value)s",
                                "Ce terme n'existe pas : %(value)s"),
    "Give at least one new label or a scope note.": (
        "Indique al menos una etiqueta nueva o una nota de alcance.",
        "Indiquez au moins un nouveau libellé ou une note d'application."),
    "Choose what to do.": ("Elija qué hacer.", "Choisissez quoi faire."),
    "The vocabulary was changed.": ("Se cambió el vocabulario.", "Le vocabulaire a été modifié."),
    # Alerts and scheduled runs (tracker/views/alerts.py, tracker/alerts.py, admin/runs.html)
    "My alerts": ("Mis alertas", "Mes alertes"),
    "Follow this resolution’s sponsors": ("Seguir los patrocinadores de esta resolución",
                                          "Suivre les auteurs de cette résolution"),
    "Save this search as an alert": ("Guardar esta búsqueda como alerta",
                                     "Enregistrer cette recherche comme alerte"),
    "Email address": ("Dirección de correo", "Adresse électronique"),
    "Digest": ("Resumen", "Récapitulatif"),
    "immediately": ("inmediatamente", "immédiatement"),
    "daily": ("diario", "quotidien"),
    "weekly": ("semanal", "hebdomadaire"),
    "%(email)s is not an email address.": ("%(email)s no es una dirección de correo.",
                                           "%(email)s n'est pas une adresse électronique."),
    "Alert deleted: %(name)s.": ("Alerta eliminada: %(name)s.", "Alerte supprimée : %(name)s."),
    "Alert saved: %(name)s.": ("Alerta guardada: %(name)s.", "Alerte enregistrée : %(name)s."),
    "Choose a digest: immediately, daily or weekly.": (
        "Elija un resumen: inmediato, diario o semanal.",
        "Choisissez un récapitulatif : immédiat, quotidien ou hebdomadaire."),
    "No resolution %(symbol)s in the tracker.": (
        "No hay ninguna resolución %(symbol)s en el tracker.",
        "Aucune résolution %(symbol)s dans le tracker."),
    "The feed has a new address; the old one no longer works.": (
        "El canal tiene una dirección nueva; la anterior ya no funciona.",
        "Le flux a une nouvelle adresse ; l'ancienne ne fonctionne plus."),
    "This unsubscribe link is not valid any more: the alert was deleted or its feed address "
    "renewed.": (
        "Este enlace de baja ya no es válido: la alerta se eliminó o se renovó la dirección de "
        "su canal.",
        "Ce lien de désabonnement n'est plus valable : l'alerte a été supprimée ou l'adresse de "
        "son flux renouvelée."),
    "An alert sends what is new for a saved search: new communications it finds, new replies "
    "to them, and sponsorship changes on the resolutions it follows. Save a search from the "
    "search page. Alerts read public UN data only, never the case register.": (
        "Una alerta envía lo nuevo de una búsqueda guardada: las nuevas comunicaciones que "
        "encuentra, las nuevas respuestas a ellas y los cambios de patrocinio de las resoluciones "
        "que sigue. Guarde una búsqueda desde la página de búsqueda. Las alertas solo leen datos "
        "públicos de la ONU, nunca el registro de casos.",
        "Une alerte envoie les nouveautés d'une recherche enregistrée : les nouvelles "
        "communications qu'elle trouve, les nouvelles réponses à celles-ci et les changements de "
        "parrainage des résolutions qu'elle suit. Enregistrez une recherche depuis la page de "
        "recherche. Les alertes ne lisent que les données publiques de l'ONU, jamais le registre "
        "des dossiers."),
    "Emails go to the address you give each alert; every email has a link that stops it in one "
    "click. Each alert also has a private feed address for a feed reader: anyone who has it can "
    "read the feed, so renew it if it leaks.": (
        "Los correos van a la dirección que indique para cada alerta; cada correo tiene un enlace "
        "que lo detiene con un clic. Cada alerta tiene además una dirección de canal privada para "
        "un lector de canales: quien la tenga puede leer el canal, así que renuévela si se filtra.",
        "Les courriels partent à l'adresse indiquée pour chaque alerte ; chaque courriel contient "
        "un lien qui l'arrête en un clic. Chaque alerte a aussi une adresse de flux privée pour un "
        "lecteur de flux : quiconque la possède peut lire le flux, renouvelez-la donc si elle "
        "fuit."),
    "Each scrape and import, newest first. A scheduled run lists its steps in order, with what "
    "each added and what failed.": (
        "Cada extracción e importación, de la más reciente a la más antigua. Una ejecución "
        "programada enumera sus pasos en orden, con lo que añadió cada uno y lo que falló.",
        "Chaque collecte et import, du plus récent au plus ancien. Une exécution planifiée liste "
        "ses étapes dans l'ordre, avec ce que chacune a ajouté et ce qui a échoué."),
    # A run's kind and status on /admin/runs: nouns, as they describe runs and steps alike
    "communications listing": ("lista de comunicaciones", "liste des communications"),
    "letters and replies": ("cartas y respuestas", "lettres et réponses"),
    "Digital Library search": ("búsqueda en la Biblioteca Digital",
                               "recherche dans la Bibliothèque numérique"),
    "HRC session": ("período de sesiones del CDH", "session du CDH"),
    "HRC session report": ("informe del período de sesiones del CDH", "rapport de session du CDH"),
    "file import": ("importación de archivos", "import de fichiers"),
    "running": ("en curso", "en cours"),
    "finished": ("sin errores", "sans erreur"),
    "partly failed": ("con errores", "avec des erreurs"),
    "failed": ("fallo", "échec"),
    "interrupted": ("interrupción", "interruption"),
    "Save the alert": ("Guardar la alerta", "Enregistrer l'alerte"),
    "No resolution followed yet.": ("Aún no sigue ninguna resolución.",
                                    "Aucune résolution suivie pour l'instant."),
    "Delete this alert": ("Eliminar esta alerta", "Supprimer cette alerte"),
    "Emails to %(email)s": ("Correos a %(email)s", "Courriels à %(email)s"),
    "Errors": ("Errores", "Erreurs"),
    "Failed": ("Fallidos", "Échecs"),
    "Feed": ("Canal", "Flux"),
    "Finished (UTC)": ("Terminada (UTC)", "Terminée (UTC)"),
    "Started (UTC)": ("Iniciada (UTC)", "Commencée (UTC)"),
    "Follow a resolution (symbol)": ("Seguir una resolución (signatura)",
                                     "Suivre une résolution (cote)"),
    "Follow a resolution in a new alert": ("Seguir una resolución en una alerta nueva",
                                           "Suivre une résolution dans une nouvelle alerte"),
    "Follow": ("Seguir", "Suivre"),
    "Followed resolutions": ("Resoluciones seguidas", "Résolutions suivies"),
    "Kind": ("Tipo", "Type"),
    "New": ("Nuevos", "Nouveaux"),
    "Unchanged": ("Sin cambios", "Inchangés"),
    "Run": ("Ejecución", "Exécution"),
    "Save": ("Guardar", "Enregistrer"),
    "No alerts yet. Search, then press “Save this search as an alert”.": (
        "Aún no hay alertas. Busque y pulse «Guardar esta búsqueda como alerta».",
        "Pas encore d'alerte. Cherchez, puis appuyez sur «\u00a0Enregistrer cette recherche comme "
        "alerte\u00a0»."),
    "No emails: the feed only.": ("Sin correos: solo el canal.",
                                  "Pas de courriel : le flux seulement."),
    "No more emails for the alert “%(name)s”. Its owner can start them again from My alerts.": (
        "No habrá más correos de la alerta «%(name)s». Su titular puede reanudarlos desde Mis "
        "alertas.",
        "Plus de courriels pour l'alerte «\u00a0%(name)s\u00a0». Son titulaire peut les "
        "relancer depuis Mes alertes."),
    "No runs yet.": ("Aún no hay ejecuciones.", "Pas encore d'exécution."),
    "Open the search": ("Abrir la búsqueda", "Ouvrir la recherche"),
    "Renew the feed address": ("Renovar la dirección del canal", "Renouveler l'adresse du flux"),
    "Resolution symbol": ("Signatura de la resolución", "Cote de la résolution"),
    "Scrape runs": ("Extracciones", "Collectes"),
    "Stop the emails of the alert “%(name)s”?": ("¿Detener los correos de la alerta «%(name)s»?",
        "Arrêter les courriels de l'alerte «\u00a0%(name)s\u00a0»\u00a0?"),
    "Unfollow": ("Dejar de seguir", "Ne plus suivre"),
    "Unsubscribe": ("Darse de baja", "Se désabonner"),
    "Unsubscribed: no emails to %(email)s until you save this alert again.": (
        "Baja confirmada: no habrá correos a %(email)s hasta que vuelva a guardar esta alerta.",
        "Désabonné : plus de courriel à %(email)s jusqu'à ce que vous enregistriez de nouveau "
        "cette alerte."),
    "scheduled: every source": ("programada: todas las fuentes", "planifiée : toutes les sources"),
    "step %(n)d: %(name)s": ("paso %(n)d: %(name)s", "étape %(n)d : %(name)s"),
    "%(sponsor)s joined the sponsors of %(symbol)s": (
        "%(sponsor)s se sumó a los patrocinadores de %(symbol)s",
        "%(sponsor)s a rejoint les auteurs de %(symbol)s"),
    "%(sponsor)s withdrew from the sponsors of %(symbol)s": (
        "%(sponsor)s se retiró de los patrocinadores de %(symbol)s",
        "%(sponsor)s s'est retiré des auteurs de %(symbol)s"),
    "Alert: %(name)s": ("Alerta: %(name)s", "Alerte : %(name)s"),
    "All new communications": ("Todas las comunicaciones nuevas",
                               "Toutes les nouvelles communications"),
    "Change or delete your alerts: %(url)s": ("Cambie o elimine sus alertas: %(url)s",
                                              "Modifiez ou supprimez vos alertes : %(url)s"),
    "Feed of this alert: %(url)s": (
        "Canal de esta alerta: %(url)s", "Flux de cette alerte : %(url)s"),
    "Geneva Tracker: %(n)d new for “%(name)s”": ("Geneva Tracker: %(n)d novedades para «%(name)s»",
        "Geneva Tracker : %(n)d nouveautés pour «\u00a0%(name)s\u00a0»"),
    "Reply to %(reference)s (%(day)s)": ("Respuesta a %(reference)s (%(day)s)",
                                         "Réponse à %(reference)s (%(day)s)"),
    "Stop these emails: %(url)s": ("Detener estos correos: %(url)s",
                                   "Arrêter ces courriels : %(url)s"),
    "no date": ("sin fecha", "sans date"),
    "New communications matching the search": (
        "Nuevas comunicaciones que coinciden con la búsqueda",
        "Nouvelles communications correspondant à la recherche"),
    "New replies to communications matching the search": (
        "Nuevas respuestas a comunicaciones que coinciden con la búsqueda",
        "Nouvelles réponses à des communications correspondant à la recherche"),
    "Sponsorship changes on followed resolutions": (
        "Cambios de patrocinio en resoluciones seguidas",
        "Changements de parrainage des résolutions suivies"),
    # Votes in the resolution and State pages and the briefs (tracker/voting.py, vote_words.py)
    "The vote": ("La votación", "Le vote"),
    "How adopted": ("Cómo se aprobó", "Mode d'adoption"),
    "The States listed in the vote, by region as the regions stood on %(day)s.": (
        "Los Estados que figuran en la votación, por región según las regiones del %(day)s.",
        "Les États cités dans le vote, par région telles qu'elles étaient le %(day)s."),
    "The State’s votes on resolutions and amendments about human rights defenders and women, "
    "newest first.": (
        "Los votos del Estado sobre resoluciones y enmiendas relativas a los defensores de "
        "derechos humanos y a las mujeres, de la más reciente a la más antigua.",
        "Les votes de l'État sur les résolutions et amendements concernant les défenseurs des "
        "droits humains et les femmes, du plus récent au plus ancien."),
    "The votes on the resolution and on the amendments to it. An amendment put to a vote is one "
    "the draft’s sponsors did not accept: this brief calls it hostile.": (
        "Las votaciones sobre la resolución y sobre sus enmiendas. Una enmienda sometida a "
        "votación es una que los patrocinadores del proyecto no aceptaron: esta nota la llama "
        "hostil.",
        "Les votes sur la résolution et sur ses amendements. Un amendement mis aux voix est un "
        "amendement que les auteurs du projet n'ont pas accepté : cette note le dit hostile."),
    "The votes on resolutions and amendments of this subject, newest first. “Against the "
    "text”: States that voted against a resolution, or for a hostile amendment to it.": (
        "Las votaciones sobre resoluciones y enmiendas de este tema, de la más reciente a la más "
        "antigua. «Contra el texto»: Estados que votaron en contra de una resolución o a favor "
        "de una enmienda hostil a ella.",
        "Les votes sur les résolutions et amendements de ce sujet, du plus récent au plus "
        "ancien. « Contre le texte » : les États qui ont voté contre une résolution, ou pour "
        "un amendement hostile à celle-ci."),
    "Vote on": ("Votación sobre", "Vote sur"),
    "For–against–abstained": ("A favor–en contra–abstenciones", "Pour–contre–abstentions"),
    "Its vote": ("Su voto", "Son vote"),
    "Against the text": ("Contra el texto", "Contre le texte"),
    "Sponsors beside their votes": ("Los patrocinadores junto a sus votos",
                                    "Les auteurs à côté de leurs votes"),
    "Adopted without a vote: no State’s vote is recorded.": (
        "Aprobada sin votación: no consta el voto de ningún Estado.",
        "Adoptée sans vote : aucun vote d'État n'est enregistré."),
    "No vote on this resolution in the database.": (
        "No hay ninguna votación sobre esta resolución en la base de datos.",
        "Aucun vote sur cette résolution dans la base de données."),
    "The vote by region, on the memberships of %(day)s. “Not members” are the region’s States "
    "the vote does not list: they were not members of the body that day.": (
        "La votación por región, según la composición del %(day)s. «No miembros» son los "
        "Estados de la región que la votación no enumera: no eran miembros del órgano ese día.",
        "Le vote par région, selon la composition au %(day)s. « Non membres » : les États de "
        "la région que le vote ne cite pas, qui n'étaient pas membres de l'organe ce jour-là."),
    "In favour": ("A favor", "Pour"),
    "Against": ("En contra", "Contre"),
    "Abstained": ("Abstenciones", "Abstentions"),
    "Did not vote": ("No votaron", "N'ont pas voté"),
    "Not members": ("No miembros", "Non membres"),
    "Each State coloured by its vote on %(symbol)s; the table below gives the same votes in "
    "words.": (
        "Cada Estado coloreado según su voto sobre %(symbol)s; la tabla de abajo da los mismos "
        "votos en palabras.",
        "Chaque État est coloré selon son vote sur %(symbol)s ; le tableau ci-dessous donne les "
        "mêmes votes en toutes lettres."),
    "Each State’s vote beside its sponsorship": ("El voto de cada Estado junto a su patrocinio",
                                                 "Le vote de chaque État à côté de son parrainage"),
    "An amendment put to a vote is one the draft’s sponsors did not accept (they take friendly "
    "ones into the text): this page calls it hostile.": (
        "Una enmienda sometida a votación es una que los patrocinadores del proyecto no "
        "aceptaron (las amistosas las incorporan al texto): esta página la llama hostil.",
        "Un amendement mis aux voix est un amendement que les auteurs du projet n'ont pas "
        "accepté (ils intègrent au texte les amendements amicaux) : cette page le dit hostile."),
    "Sponsors that did not vote for the text, or voted for a hostile amendment:": (
        "Patrocinadores que no votaron a favor del texto o votaron a favor de una enmienda "
        "hostil:",
        "Auteurs qui n'ont pas voté pour le texte, ou ont voté pour un amendement hostile :"),
    "Hostile amendments: for / against / abstained / did not vote": (
        "Enmiendas hostiles: a favor / en contra / abstención / no votó",
        "Amendements hostiles : pour / contre / abstention / n'a pas voté"),
    "Sponsorship": ("Patrocinio", "Parrainage"),
    "In words": ("En palabras", "En toutes lettres"),
    "not voting": ("no vota", "ne vote pas"),
    "Names in the vote that matched no State:": (
        "Nombres de la votación que no corresponden a ningún Estado:",
        "Noms du vote qui ne correspondent à aucun État :"),
    "Amendments": ("Enmiendas", "Amendements"),
    "Amendment": ("Enmienda", "Amendement"),
    "Outcome": ("Resultado", "Résultat"),
    "not a UN member": ("no era miembro de la ONU", "non membre de l'ONU"),
    "without a vote": ("sin votación", "sans vote"),
    "by a recorded vote": ("en votación registrada", "par un vote enregistré"),
    "by a vote not recorded": ("en votación no registrada", "par un vote non enregistré"),
    "Voting record": ("Historial de votaciones", "Historique des votes"),
    "Every recorded vote %(name)s is listed in, at the Human Rights Council and the General "
    "Assembly. A resolution adopted without a vote records no State’s vote.": (
        "Todas las votaciones registradas en las que figura %(name)s, en el Consejo de Derechos "
        "Humanos y la Asamblea General. Una resolución aprobada sin votación no registra el "
        "voto de ningún Estado.",
        "Tous les votes enregistrés où figure %(name)s, au Conseil des droits de l'homme et à "
        "l'Assemblée générale. Une résolution adoptée sans vote n'enregistre le vote d'aucun "
        "État."),
    "Its votes on amendments to resolutions on human rights defenders": (
        "Sus votos sobre enmiendas a resoluciones sobre defensores de derechos humanos",
        "Ses votes sur les amendements aux résolutions sur les défenseurs des droits humains"),
    "Agenda item": ("Tema de la agenda", "Point de l'ordre du jour"),
    "Voted on": ("Votación sobre", "Vote sur"),
    "Agreement with": ("Coincidencia con", "Concordance avec"),
    "no other State": ("ningún otro Estado", "aucun autre État"),
    "%(name)s and %(other)s voted alike on %(same)d of the %(both)d votes both cast here.": (
        "%(name)s y %(other)s votaron igual en %(same)d de las %(both)d votaciones en que "
        "ambos votaron aquí.",
        "%(name)s et %(other)s ont voté de même sur %(same)d des %(both)d votes exprimés par "
        "les deux ici."),
    "%(name)s and %(other)s never both cast a vote on the votes listed here.": (
        "%(name)s y %(other)s nunca votaron ambos en las votaciones aquí listadas.",
        "%(name)s et %(other)s n'ont jamais voté tous deux sur les votes listés ici."),
    "The rate counts the votes listed below (with their filters) on which both States voted in "
    "favour, against or abstained; a vote either did not cast, or was not listed in, is left "
    "out.": (
        "La tasa cuenta las votaciones listadas abajo (con sus filtros) en que ambos Estados "
        "votaron a favor, en contra o se abstuvieron; se deja fuera una votación en que alguno "
        "no votó o no figuraba.",
        "Le taux compte les votes listés ci-dessous (avec leurs filtres) où les deux États ont "
        "voté pour, contre ou se sont abstenus ; un vote où l'un n'a pas voté ou ne figurait "
        "pas est laissé de côté."),
    "item %(n)s": ("tema %(n)s", "point %(n)s"),
    "No vote matches these filters.": ("Ninguna votación corresponde a estos filtros.",
                                       "Aucun vote ne correspond à ces filtres."),
    "Item 1: organizational and procedural matters": (
        "Tema 1: cuestiones de organización y de procedimiento",
        "Point 1 : questions d'organisation et de procédure"),
    "Item 2: annual report of the High Commissioner": (
        "Tema 2: informe anual del Alto Comisionado",
        "Point 2 : rapport annuel du Haut-Commissaire"),
    "Item 3: promotion and protection of all human rights": (
        "Tema 3: promoción y protección de todos los derechos humanos",
        "Point 3 : promotion et protection de tous les droits de l'homme"),
    "Item 4: situations that require the Council’s attention": (
        "Tema 4: situaciones que requieren la atención del Consejo",
        "Point 4 : situations qui requièrent l'attention du Conseil"),
    "Item 5: human rights bodies and mechanisms": (
        "Tema 5: órganos y mecanismos de derechos humanos",
        "Point 5 : organismes et mécanismes de protection des droits de l'homme"),
    "Item 6: universal periodic review": ("Tema 6: examen periódico universal",
                                          "Point 6 : examen périodique universel"),
    "Item 7: Palestine and other occupied Arab territories": (
        "Tema 7: Palestina y otros territorios árabes ocupados",
        "Point 7 : Palestine et autres territoires arabes occupés"),
    "Item 8: the Vienna Declaration and Programme of Action": (
        "Tema 8: la Declaración y el Programa de Acción de Viena",
        "Point 8 : la Déclaration et le Programme d'action de Vienne"),
    "Item 9: racism and racial discrimination": (
        "Tema 9: racismo y discriminación racial", "Point 9 : racisme et discrimination raciale"),
    "Item 10: technical assistance and capacity-building": (
        "Tema 10: asistencia técnica y fomento de la capacidad",
        "Point 10 : assistance technique et renforcement des capacités"),
    "women and gender": ("mujeres y género", "femmes et genre"),
    "Special Procedures mandates": ("mandatos de los Procedimientos Especiales",
                                    "mandats des procédures spéciales"),
    "adopted without a vote": ("aprobada sin votación", "adoptée sans vote"),
    "recorded vote": ("votación registrada", "vote enregistré"),
    "vote not recorded": ("votación no registrada", "vote non enregistré"),
    "not known": ("no se sabe", "inconnu"),
    "a date not recorded": ("una fecha no registrada", "une date non connue"),
    "Adopted without a vote on %(day)s: no State’s vote is recorded.": (
        "Aprobada sin votación el %(day)s: no consta el voto de ningún Estado.",
        "Adoptée sans vote le %(day)s : aucun vote d'État n'est enregistré."),
    "Adopted by a vote that was not recorded, on %(day)s.": (
        "Aprobada en una votación no registrada, el %(day)s.",
        "Adoptée par un vote non enregistré, le %(day)s."),
    "Rejected by a vote that was not recorded, on %(day)s.": (
        "Rechazada en una votación no registrada, el %(day)s.",
        "Rejetée par un vote non enregistré, le %(day)s."),
    "Voted on %(day)s; the result is not recorded.": (
        "Votada el %(day)s; el resultado no consta.", "Mise aux voix le %(day)s ; le résultat "
        "n'est pas connu."),
    "Adopted by a recorded vote on %(day)s: %(tally)s.": (
        "Aprobada en votación registrada el %(day)s: %(tally)s.",
        "Adoptée par un vote enregistré le %(day)s : %(tally)s."),
    "Rejected by a recorded vote on %(day)s: %(tally)s.": (
        "Rechazada en votación registrada el %(day)s: %(tally)s.",
        "Rejetée par un vote enregistré le %(day)s : %(tally)s."),
    "Recorded vote on %(day)s: %(tally)s.": ("Votación registrada el %(day)s: %(tally)s.",
                                             "Vote enregistré le %(day)s : %(tally)s."),
    "%(yes)d in favour, %(no)d against, %(abstentions)s": (
        "%(yes)d a favor, %(no)d en contra, %(abstentions)s",
        "%(yes)d pour, %(no)d contre, %(abstentions)s"),
    "adopted": ("aprobada", "adoptée"),
    "outcome not recorded": ("resultado no registrado", "résultat non connu"),
    "resolution": ("resolución", "résolution"),
    "decision": ("decisión", "décision"),
    "amendment": ("enmienda", "amendement"),
    "draft": ("proyecto", "projet"),
    "sponsored and voted for the resolution": ("patrocinó y votó a favor de la resolución",
                                               "auteur, a voté pour la résolution"),
    "sponsored, then voted against the resolution": (
        "patrocinó y luego votó en contra de la resolución",
        "auteur, puis a voté contre la résolution"),
    "sponsored, then abstained on the resolution": (
        "patrocinó y luego se abstuvo en la resolución",
        "auteur, puis s'est abstenu sur la résolution"),
    "sponsored, then did not vote on the resolution": (
        "patrocinó y luego no votó la resolución", "auteur, puis n'a pas voté sur la résolution"),
    "sponsored the resolution": ("patrocinó la resolución", "auteur de la résolution"),
    "sponsored the resolution; not among the States voting": (
        "patrocinó la resolución; no figura entre los Estados que votaron",
        "auteur de la résolution ; ne figure pas parmi les États votants"),
    "voted for the resolution": ("votó a favor de la resolución", "a voté pour la résolution"),
    "voted against the resolution": ("votó en contra de la resolución",
                                     "a voté contre la résolution"),
    "abstained on the resolution": ("se abstuvo en la resolución",
                                    "s'est abstenu sur la résolution"),
    "did not vote on the resolution": ("no votó la resolución", "n'a pas voté sur la résolution"),
    "voted for %(yes)d of the %(n)d hostile amendments": (
        "votó a favor de %(yes)d de las %(n)d enmiendas hostiles",
        "a voté pour %(yes)d des %(n)d amendements hostiles"),
    "voted for none of the hostile amendments": (
        "no votó a favor de ninguna de las enmiendas hostiles",
        "n'a voté pour aucun des amendements hostiles"),
    "no sponsorship or vote recorded": ("sin patrocinio ni voto registrado",
                                        "ni parrainage ni vote enregistré"),
    "not voting (not a member)": ("no vota (no es miembro)", "ne vote pas (non membre)"),
    "The vote on %(symbol)s by State": ("La votación sobre %(symbol)s por Estado",
                                        "Le vote sur %(symbol)s par État"),
}
PLURALS = {
    "%(num)d resolution falls outside the brief’s period.": (
        ("%(num)d resolución queda fuera del periodo del informe.",
         "%(num)d resoluciones quedan fuera del periodo del informe."),
        ("%(num)d résolution tombe hors de la période de la note.",
         "%(num)d résolutions tombent hors de la période de la note.")),
    "%(num)d vote shown.": (("%(num)d votación mostrada.", "%(num)d votaciones mostradas."),
                            ("%(num)d vote affiché.", "%(num)d votes affichés.")),
    "%(num)d abstention": (("%(num)d abstención", "%(num)d abstenciones"),
                            ("%(num)d abstention", "%(num)d abstentions")),
    "%(num)d State listed did not vote.": (
        ("%(num)d Estado enumerado no votó.", "%(num)d Estados enumerados no votaron."),
        ("%(num)d État cité n'a pas voté.", "%(num)d États cités n'ont pas voté.")),
    "voted for the hostile amendment": (
        ("votó a favor de la enmienda hostil", "votó a favor de las enmiendas hostiles"),
        ("a voté pour l'amendement hostile", "a voté pour les amendements hostiles")),
    "voted against the hostile amendment": (
        ("votó en contra de la enmienda hostil", "votó en contra de todas las enmiendas hostiles"),
        ("a voté contre l'amendement hostile", "a voté contre chaque amendement hostile")),
    "abstained on the hostile amendment": (
        ("se abstuvo en la enmienda hostil", "se abstuvo en todas las enmiendas hostiles"),
        ("s'est abstenu sur l'amendement hostile",
         "s'est abstenu sur chaque amendement hostile")),
    "did not vote on the hostile amendment": (
        ("no votó la enmienda hostil", "no votó las enmiendas hostiles"),
        ("n'a pas voté sur l'amendement hostile", "n'a pas voté sur les amendements hostiles")),
           # Case submissions, follow-up and export
           "%(num)d day after the letter": (
               ("%(num)d día después de la carta", "%(num)d días después de la carta"),
               ("%(num)d jour après la lettre", "%(num)d jours après la lettre")),
           "No reply yet: %(num)d day since the letter.": (
               ("Aún sin respuesta: %(num)d día desde la carta.",
                "Aún sin respuesta: %(num)d días desde la carta."),
               ("Pas encore de réponse : %(num)d jour depuis la lettre.",
                "Pas encore de réponse : %(num)d jours depuis la lettre.")),
           "%(num)d case in the register.": (
               ("%(num)d caso en el registro.", "%(num)d casos en el registro."),
               ("%(num)d dossier dans le registre.", "%(num)d dossiers dans le registre.")),
           "%(num)d case: every field, pseudonym, State, province, dates, coding, status.": (
               ("%(num)d caso: todos los campos, seudónimo, Estado, provincia, fechas, "
                "codificación, estado.",
                "%(num)d casos: todos los campos, seudónimo, Estado, provincia, fechas, "
                "codificación, estado."),
               ("%(num)d dossier : tous les champs, pseudonyme, État, province, dates, codage, "
                "statut.",
                "%(num)d dossiers : tous les champs, pseudonyme, État, province, dates, codage, "
                "statut.")),
           "%(num)d submission to the UN, with the communications linked.": (
               ("%(num)d envío a la ONU, con las comunicaciones vinculadas.",
                "%(num)d envíos a la ONU, con las comunicaciones vinculadas."),
               ("%(num)d soumission à l'ONU, avec les communications liées.",
                "%(num)d soumissions à l'ONU, avec les communications liées.")),
           "%(num)d case linked to a communication": (
               ("%(num)d caso vinculado a una comunicación",
                "%(num)d casos vinculados a una comunicación"),
               ("%(num)d dossier lié à une communication",
                "%(num)d dossiers liés à une communication")),
           "%(num)d overdue": (
               ("%(num)d vencido", "%(num)d vencidos"),
               ("%(num)d en retard", "%(num)d en retard")),
           "%(num)d State": (("%(num)d Estado", "%(num)d Estados"),
                             ("%(num)d État", "%(num)d États")),
           "%(num)d event": (("%(num)d evento", "%(num)d eventos"),
                             ("%(num)d événement", "%(num)d événements")),
           "%(num)d communication": (("%(num)d comunicación", "%(num)d comunicaciones"),
                                     ("%(num)d communication", "%(num)d communications")),
           "%(num)d draft": (("%(num)d proyecto", "%(num)d proyectos"),
                             ("%(num)d projet", "%(num)d projets")),
           "%(num)d more": (("%(num)d más", "%(num)d más"),
                            ("%(num)d de plus", "%(num)d de plus")),
           "%(num)d page": (("%(num)d página", "%(num)d páginas"),
                            ("%(num)d page", "%(num)d pages")),
           # The Special Rapporteur's tables and the map
           "%(num)d communication in this selection is not yet coded; it counts in the totals, "
           "never as a “no”.": (
               ("%(num)d comunicación de esta selección aún no está codificada; cuenta en los "
                "totales, nunca como un «no».",
                "%(num)d comunicaciones de esta selección aún no están codificadas; cuentan en "
                "los totales, nunca como un «no»."),
               ("%(num)d communication de cette sélection n'est pas encore codée ; elle compte "
                "dans les totaux, jamais comme un « non ».",
                "%(num)d communications de cette sélection ne sont pas encore codées ; elles "
                "comptent dans les totaux, jamais comme un « non ».")),
           "%(num)d communication went to a State placed in two regions of this scheme and "
           "counts in both, so the regions add up to more than the total.": (
               ("%(num)d comunicación fue a un Estado situado en dos regiones de este esquema y "
                "cuenta en ambas, así que las regiones suman más que el total.",
                "%(num)d comunicaciones fueron a Estados situados en dos regiones de este "
                "esquema y cuentan en ambas, así que las regiones suman más que el total."),
               ("%(num)d communication est allée à un État placé dans deux régions de ce "
                "découpage et compte dans les deux : les régions font plus que le total.",
                "%(num)d communications sont allées à des États placés dans deux régions de ce "
                "découpage et comptent dans les deux : les régions font plus que le total.")),
           "Percentages are of the %(num)d coded communication.": (
               ("Los porcentajes son de la %(num)d comunicación codificada.",
                "Los porcentajes son de las %(num)d comunicaciones codificadas."),
               ("Les pourcentages portent sur la %(num)d communication codée.",
                "Les pourcentages portent sur les %(num)d communications codées.")),
           "%(num)d communication: %(what)s. Each State links to its letters.": (
               ("%(num)d comunicación: %(what)s. Cada Estado enlaza con sus cartas.",
                "%(num)d comunicaciones: %(what)s. Cada Estado enlaza con sus cartas."),
               ("%(num)d communication : %(what)s. Chaque État renvoie à ses lettres.",
                "%(num)d communications : %(what)s. Chaque État renvoie à ses lettres.")),
           "%(num)d case is past its retention date: keep it or delete it.": (
               ("%(num)d caso pasó su fecha de conservación: consérvelo o elimínelo.",
                "%(num)d casos pasaron su fecha de conservación: consérvelos o elimínelos."),
               ("%(num)d dossier a dépassé sa date de conservation : gardez-le ou "
                "supprimez-le.",
                "%(num)d dossiers ont dépassé leur date de conservation : gardez-les ou "
                "supprimez-les.")),
           "%(name)s: %(num)d communication": (
               ("%(name)s: %(num)d comunicación", "%(name)s: %(num)d comunicaciones"),
               ("%(name)s : %(num)d communication", "%(name)s : %(num)d communications")),
           "%(name)s: %(num)d case": (("%(name)s: %(num)d caso", "%(name)s: %(num)d casos"),
                                      ("%(name)s : %(num)d cas", "%(name)s : %(num)d cas"))}

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
