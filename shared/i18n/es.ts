/**
 * Spanish (Latin American, as US clinics' clients read it): the same message ids and the same placeholders,
 * plurals and selects as en.ts (checked in a test). Short sentences, the action first, usted throughout; "fairly
 * easy" or easier by Fernández-Huerta (checked in a test). The Part 2 notice is our translation of the regulation
 * text and says the same thing, clause for clause; it is shown to the clinic as not yet reviewed until someone does.
 */
import type { MessageId } from './en';

export const es: Record<MessageId, string> = {
  'doc.subject': '{name} — Ficha {chart} — Nació {dob}',
  'doc.page': 'Página {page} de {count}',
  'doc.date': 'Fecha',
  'notice.heading': 'Aviso: confidencialidad de los registros de trastornos por uso de sustancias',
  'notice.full':
    'Este registro que se le ha divulgado está protegido por las normas federales de confidencialidad (42 CFR parte 2). ' +
    'Estas normas le prohíben usar o divulgar este registro, o testimonios que describan la información contenida en ' +
    'este registro, en cualquier procedimiento civil, penal, administrativo o legislativo de cualquier autoridad ' +
    'federal, estatal o local, en contra del paciente, a menos que lo autorice el consentimiento del paciente, salvo ' +
    'lo dispuesto en 42 CFR 2.12(c)(5) o lo que autorice un tribunal de conformidad con 42 CFR 2.64 o 2.65. Además, ' +
    'las normas federales le prohíben hacer cualquier otro uso o divulgación de este registro a menos que se cumpla ' +
    'al menos una de las siguientes condiciones: (i) El uso o la divulgación posterior está expresamente permitido ' +
    'por el consentimiento por escrito de la persona cuya información se divulga en este registro, o lo permite de ' +
    'otro modo 42 CFR parte 2. (ii) Usted es una entidad cubierta o un socio comercial y ha recibido el registro para ' +
    'tratamiento, pago u operaciones de atención médica, o (iii) Usted ha recibido el registro de una entidad cubierta ' +
    'o de un socio comercial según lo permite 45 CFR parte 164, subpartes A y E. Una autorización general para la ' +
    'divulgación de información médica o de otro tipo NO es suficiente para cumplir los requisitos del consentimiento ' +
    'por escrito para seguir usando o volver a divulgar el registro (consulte 42 CFR 2.31).',
  'notice.ownCopy':
    'Esta es su propia copia. Puede compartirla con quien quiera. El aviso que sigue es para quienes reciben este registro de nosotros con su permiso por escrito. Si usted la da a otras personas, es posible que ellas no tengan que seguir este aviso.',
  'notice.short': '42 CFR parte 2 prohíbe el uso o la divulgación no autorizados de estos registros.',

  'crisis.heading': 'Números de crisis',
  'crisis.988':
    'Línea 988 de Prevención del Suicidio y Crisis — llame o mande un texto al 988, a toda hora. Para español, oprima 2. Para texto en español, escriba AYUDA al 988.',
  'crisis.911': 'Urgencias — llame al 911',
  'crisis.clinic': '{clinic} — {phone}',
  'redflags.heading': 'Pida ayuda ya',
  'redflags.call911': 'Llame al 911 o vaya a la sala de emergencias más cercana si tiene algo de esto:',
  'redflags.breathing': 'Le cuesta respirar.',
  'redflags.sleepy': 'Tiene tanto sueño que no puede mantener los ojos abiertos.',
  'redflags.heart': 'Dolor de pecho, desmayo, o el corazón late muy rápido.',
  'redflags.seizure': 'Una convulsión.',
  'redflags.confused': 'Tiene mucha confusión, ve u oye cosas que no están, o siente mucha agitación.',
  'redflags.suicide':
    '¿Piensa en el suicidio o en hacerse daño? ¿Siente una tristeza fuerte de repente? Llame o mande un texto al 988. O llame al 911.',

  'taper.title': 'Su plan para bajar la dosis',
  'taper.product': 'Producto:',
  'taper.form':
    '{form, select, leafPowder {hoja en polvo} capsules {cápsulas} extract {extracto} shot {shot líquido} sevenOh {producto 7-OH} other {otra forma}}',
  'taper.intro':
    'Su cantidad del día baja un {percent} % cada {days, plural, one {día} other {# días}}. Pésela en una báscula de {precision}. Tómela en {doses, plural, one {# dosis} other {# dosis}} al día. Cada fila es un paso. Tome esa cantidad cada día, de la primera fecha a la última.',
  'taper.version': 'Versión {version} del plan, impresa el {date}.',
  'taper.steps': 'Sus pasos',
  'taper.col.dates': 'Fechas',
  'taper.col.day': 'Cada día',
  'taper.col.dose': 'Cada dosis',
  'taper.from': 'Desde el {date}',
  'taper.range': '{from}\nal {to}',
  'taper.stop': 'Pare',
  'taper.none': 'Nada: pare',
  'taper.doses': '{count, plural, one {# dosis} other {# dosis}} de {amount}',
  'taper.grams': '{grams} g',
  'taper.addUp':
    'Sus dosis suman la cantidad del día. Hay días que no se dividen igual. Esos días, unas dosis llevan un paso más de la báscula ({precision}). Nunca tome más que la cantidad del día.',
  'taper.safe.heading': 'Cómo bajar la dosis sin riesgo',
  'taper.safe.product':
    'Use un solo producto. Use el mismo cada día. Pese cada dosis en su báscula. No la mida con cucharas ni cápsulas.',
  'taper.safe.extracts':
    'Nunca cambie a extractos, shots o productos 7-OH. Son mucho más fuertes que la hoja. Una dosis de ellos puede verse chica, pero es fuerte. Cambiar de producto no es bajar la dosis.',
  'taper.safe.log': 'Anote cada dosis: la hora y la cantidad. Traiga sus notas a cada cita.',
  'taper.safe.mix':
    'No lo mezcle con alcohol, pastillas para dormir, sedantes u opioides. No tome mucha medicina sin receta. Mucha loperamida (Imodium) le puede dañar el corazón.',
  'taper.strong.heading': 'Si la abstinencia se siente muy fuerte',
  'taper.strong.stay': 'Siga con la cantidad que toma hoy. No baje más hasta hablar con nosotros.',
  'taper.strong.call':
    'Llame a la clínica al {phone}. Podemos dejar este paso por más tiempo o cambiar el ritmo.',
  'taper.strong.noUp':
    'No suba la dosis por su cuenta. No cambie a otro producto. Quedarse en un paso es normal.',

  'plan.version': 'Versión',
  'plan.written': 'Escrito',
  'plan.signatures': 'Firmas',
  'plan.client': 'Cliente',
  'plan.clinician': '{named, select, no {Terapeuta} other {Terapeuta: {signer}}}',
  'plan.signedBy': 'Firmado electrónicamente por {signer}',
  'plan.hash': 'Huella SHA-256: {hash}',
  'plan.contact': '{name} — {phone}',
  'plan.noNumber': 'sin número',

  'relapse.title': 'Plan para no recaer',
  'relapse.reasons': 'Mis razones para estar bien',
  'relapse.triggers': 'Lo que me da ganas de consumir, y lo que haré: si pasa esto, entonces yo…',
  'relapse.group':
    '{group, select, body {El cuerpo (dolor, cansancio, dormir mal)} emotion {Lo que siento (preocupación, enojo, tristeza)} other {Lugares y momentos (manejar, pausas del trabajo, estar con otros)}}',
  'relapse.ifThen': 'Si {trigger}, entonces {response}',
  'relapse.signs': 'Mis 5 señales de alerta más claras',
  'relapse.coping': 'Lo que me ayuda',
  'relapse.people': 'A quién le aviso primero',
  'relapse.lapse': 'Si tengo un tropiezo: cómo retomo el camino',
  'relapse.appointment': 'Mi próxima cita',
  'relapse.change': 'Un cambio que hago ya',
  'relapse.review': 'Veremos este plan de nuevo el',

  'safety.title': 'Plan de seguridad',
  'safety.signs': 'Señales de que viene una crisis',
  'safety.ownSteps': 'Lo que puedo hacer por mi cuenta para pasarlo',
  'safety.distractions': 'Gente y lugares que me hacen pensar en otra cosa',
  'safety.helpers': 'A quién le pido ayuda',
  'safety.professionals': 'A quién llamar: expertos y líneas de crisis',
  'safety.surroundings': 'Cómo hacer mi casa más segura',
  'safety.living': 'Mis razones para vivir',

  'aftercare.title': 'Plan para después del tratamiento',
  'aftercare.status': 'Dónde estoy hoy: cómo me va al salir',
  'aftercare.care': 'Mi cuidado de aquí en adelante',
  'aftercare.counselling': 'Terapia',
  'aftercare.medication': 'Medicina (MAT) que sigo tomando',
  'aftercare.prescriber': 'Quien me receta',
  'aftercare.pharmacy': 'Farmacia',
  'aftercare.groups': 'Grupos de apoyo',
  'aftercare.soberLiving': 'Vivienda de vida sobria',
  'aftercare.alumni': 'Grupo de ex pacientes',
  'aftercare.coaching': 'Charla cada semana con un guía',
  'aftercare.appointments': 'Próximas citas',
  'aftercare.obstacles': 'Lo que me puede frenar, y lo que haré',
  'aftercare.obstacle': '{obstacle}: {response}',
  'aftercare.relapsePlan': 'Mi plan para no recaer',
  'aftercare.relapseVersion':
    '{signed, select, yes {Versión {version}, firmada el {date}.} other {Versión {version}.}} Tiene el plan completo en otra hoja. Aquí van los puntos clave.',
  'aftercare.reasons': 'Mis razones para estar bien',
  'aftercare.signs': 'Mis señales de alerta',
  'aftercare.people': 'A quién le aviso primero',
  'aftercare.lapse': 'Si tengo un tropiezo',
  'aftercare.noRelapsePlan':
    'Aún no tiene un plan para no recaer firmado. Pida a su terapeuta que lo haga con usted.',
  'aftercare.comfort': 'Cómo sentirse mejor durante la abstinencia',
  'aftercare.comfort.fluids':
    'Tome mucho líquido con sales y azúcar, como suero oral, bebida deportiva o caldo.',
  'aftercare.comfort.food':
    'Coma porciones pequeñas, varias veces al día: sopa, arroz, banana, pan tostado, yogur.',
  'aftercare.comfort.sleep':
    'Acuéstese a la misma hora cada noche. Deje el cuarto oscuro y fresco. Deje las pantallas una hora antes de acostarse.',
  'aftercare.comfort.move': 'Muévase un poco cada día. Salga a caminar o estírese.',
  'aftercare.comfort.text': 'Mande un texto a su persona de apoyo si se pone difícil.',
  'aftercare.textPerson': 'Persona a quien mandar un texto',
  'aftercare.redFlags': 'Señales de alarma: pida ayuda ya',
  // Pantallas del personal clínico (`screen.`): en inglés por ahora en la aplicación; traducidas aquí para cuando
  // se ofrezcan en español.
  'screen.language.en': 'inglés',
  'screen.language.es': 'español',
  'screen.language.option': '{language} ({endonym})',
  'screen.chart.languageTerm': 'Idioma',
  'screen.chart.language':
    '{interpreter, select, yes {Documentos en {language} · intérprete} other {Documentos en {language}}}',
  'screen.print.label': 'Idioma de esta impresión',
  'screen.print.hint':
    'Los documentos del cliente están en {language}; un cambio aquí es solo para esta impresión.',
  'screen.print.clientLanguage': 'El idioma del cliente',
  'screen.wording.heading': 'Texto de los documentos del cliente',
  'screen.wording.intro':
    'Las palabras fijas de lo que el cliente se lleva a casa, en cada idioma. Lo que escribe el personal en un plan se imprime tal cual. Un texto que usted cambia se usa en cada impresión desde ese momento.',
  'screen.wording.unreviewed':
    '{count, plural, =0 {La clínica revisó todos los textos.} one {La clínica aún no revisó # texto.} other {La clínica aún no revisó # textos.}}',
  'screen.wording.adminOnly': 'Solo un administrador de la práctica puede revisarlos o cambiarlos.',
  'screen.wording.show': 'Mostrar',
  'screen.wording.needsReview': 'Por revisar ({count})',
  'screen.wording.caption': '{group}: textos fijos',
  'screen.wording.col.text': 'Dónde se imprime',
  'screen.wording.label': '{group} › {part}: {summary}',
  'screen.wording.group':
    '{group, select, every {Todos los documentos} crisis {Líneas de crisis y señales de alarma} plans {Todos los planes} taper {Su plan para bajar la dosis} relapse {Plan para no recaer} safety {Plan de seguridad} other {Plan para después del tratamiento}}',
  'screen.wording.part':
    '{part, select, title {título} heading {encabezado} label {etiqueta} column {columna} notice {aviso} crisisLine {línea de crisis} warningSign {señal de alarma} pageFrame {encabezado o pie de página} signature {versión y firmas} other {texto}}',
  'screen.wording.status.unreviewed': 'La clínica aún no lo revisó',
  'screen.wording.status.shipped': 'Como viene en la aplicación',
  'screen.wording.status.own': 'Texto propio de la clínica, versión {version}',
  'screen.wording.status.writer': 'Lo escribió {name}.',
  'screen.wording.status.reviewer': 'Lo revisó {name}, {date}.',
  'screen.wording.flag':
    'El texto de la aplicación cambió desde que se escribió este — revíselo. Hasta entonces se usa el texto de la clínica.',
  'screen.wording.changedCount':
    '{count, plural, one {# texto de la clínica se escribió} other {# textos de la clínica se escribieron}} antes de que cambiara el texto de la aplicación: {count, plural, one {revíselo} other {revíselos}} en “Por revisar”.',
  'screen.wording.flag.unknown':
    'Este texto es de antes de que la aplicación guardara el texto en que se basó — revíselo una vez. Hasta entonces se usa el texto de la clínica.',
  'screen.wording.flag.shipped':
    'El texto de la aplicación cambió desde que la clínica lo revisó — revíselo otra vez.',
  'screen.wording.reviewedShipped': 'Texto de la aplicación que revisó la clínica',
  'screen.wording.unusable':
    'Este texto no se puede usar hasta que se cambie: {problem} Hasta entonces, los documentos usan el texto de la aplicación.',
  'screen.wording.unusable.locked':
    'El texto de la clínica no se usa: este texto en inglés no se puede cambiar, así que los documentos usan el texto de la aplicación. Elija «Volver al texto de la aplicación» para quitar este aviso.',
  'screen.wording.clinicTextUnused': 'El texto de la clínica (no se usa)',
  'screen.wording.basedOn': 'Texto de la aplicación en que se basó',
  'screen.wording.shippedNow': 'Texto de la aplicación ahora',
  'screen.wording.clinicText': 'El texto de la clínica (en uso)',
  'screen.wording.change': 'Cambiar',
  'screen.wording.save': 'Guardar como texto de la clínica',
  'screen.wording.cancel': 'Cancelar',
  'screen.wording.markReviewed': 'Marcar como revisado',
  'screen.wording.keepOwn': 'Mantener el texto de la clínica',
  'screen.wording.restore': 'Volver al texto de la aplicación',
  'screen.wording.field': 'Texto en {language}',
  'screen.wording.keep': 'Deje estos tal como están; el documento los completa:',
  'screen.wording.varies': 'cambia según {what}',
  'screen.wording.history': 'Historial de versiones',
  'screen.wording.history.none': 'Aún no hay versiones: el texto es el de la aplicación.',
  'screen.wording.history.version':
    'Versión {version}: {kind, select, written {texto propio de la clínica} reviewed {revisado} other {vuelta al texto de la aplicación}}',
  'screen.wording.problem.keep':
    'Deje {names}: el documento {count, plural, one {lo completa} other {los completa}}.',
  'screen.wording.problem.remove':
    'Quite {names}: nada {count, plural, one {lo completa} other {los completa}}.',
  'screen.wording.problem.brace': 'Hay una llave sin pareja: deje cada marcador tal como aparece.',
  'screen.placeholder':
    '{name, select, name {el nombre del cliente} contactName {el nombre de la persona} chart {el número de ficha} dob {la fecha de nacimiento} page {el número de página} count {el número} pages {el número de páginas} dosesCount {el número de dosis} clinic {el nombre de la clínica} phone {el número de teléfono} clinicPhone {el teléfono de la clínica} contactPhone {el teléfono de la persona} form {la forma del producto} percent {el porcentaje que baja cada paso} days {los días de cada paso} precision {el paso más pequeño de la báscula} doses {las dosis al día} version {el número de versión} date {la fecha} from {la primera fecha} to {la última fecha} amount {la cantidad} grams {el peso en gramos} signer {el nombre del clínico} named {si se nombra al clínico} signed {si el plan está firmado} hash {la huella del contenido} trigger {el desencadenante} response {lo que hará el cliente} group {el tipo de desencadenante} obstacle {el obstáculo} other {un dato que completa el documento}}',
};
