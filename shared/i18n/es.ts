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
};
