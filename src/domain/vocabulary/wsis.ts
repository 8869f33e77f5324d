/**
 * WSIS Action Lines C1–C11 (Geneva Plan of Action, 2003) in every vocabulary language. Labels in en/fr/es/ar
 * are those of the interface messages. Each line is also reached by its code ("C7", "WSIS C7") and by the
 * words practitioners use for it (e-health, digital literacy, local content, community media…).
 */
import { type ConceptTable, type Entry, type VocabularyLang, entry as e, withSynonyms } from './types.js';

type Line = Readonly<Record<VocabularyLang, Entry>>;

const LINES: readonly Line[] = [
  {
    en: e('The role of governments and all stakeholders', 'multi-stakeholder', 'national ICT strategy', 'e-strategies', 'stakeholders'),
    fr: e('Le rôle des pouvoirs publics et de toutes les parties prenantes', 'multipartite', 'parties prenantes', 'stratégie nationale TIC', 'cyberstratégies'),
    es: e('Papel de los gobiernos y de todas las partes interesadas', 'múltiples partes interesadas', 'partes interesadas', 'estrategia nacional de TIC', 'ciberestrategias'),
    pt: e('O papel dos governos e de todas as partes interessadas', 'multissetorial', 'partes interessadas', 'estratégia nacional de TIC'),
    ar: e('دور الحكومات وجميع أصحاب المصلحة', 'أصحاب المصلحة', 'أصحاب المصلحة المتعددين', 'الاستراتيجية الوطنية لتكنولوجيا المعلومات'),
    ha: e('Rawar gwamnatoci da dukkan masu ruwa da tsaki', 'masu ruwa da tsaki', 'rawar gwamnati', 'manufofin fasahar sadarwa'),
    sw: e('Wajibu wa serikali na wadau wote', 'wadau', 'wadau wote', 'mkakati wa kitaifa wa TEHAMA'),
    bn: e('সরকার ও সকল অংশীজনের ভূমিকা', 'অংশীজন', 'বহু-অংশীজন', 'জাতীয় আইসিটি কৌশল'),
    hi: e('सरकारों और सभी हितधारकों की भूमिका', 'हितधारक', 'बहु-हितधारक', 'राष्ट्रीय आईसीटी रणनीति'),
  },
  {
    en: e('Information and communication infrastructure', 'ICT infrastructure', 'universal access', 'universal service', 'rural connectivity'),
    fr: e('L\'infrastructure de l\'information et de la communication', 'infrastructure TIC', 'accès universel', 'service universel', 'connectivité rurale'),
    es: e('Infraestructura de la información y la comunicación', 'infraestructura TIC', 'acceso universal', 'servicio universal', 'conectividad rural'),
    pt: e('Infraestrutura de informação e comunicação', 'infraestrutura de TIC', 'acesso universal', 'serviço universal', 'conectividade rural'),
    ar: e('البنية التحتية للمعلومات والاتصالات', 'البنية التحتية للاتصالات', 'النفاذ الشامل', 'الخدمة الشاملة', 'التوصيلية الريفية'),
    ha: e('Ababen more rayuwa na sadarwa da bayanai', 'kayayyakin sadarwa', 'sadarwa a karkara', 'samun sadarwa ga kowa'),
    sw: e('Miundombinu ya habari na mawasiliano', 'miundombinu ya TEHAMA', 'huduma kwa wote', 'mawasiliano vijijini'),
    bn: e('তথ্য ও যোগাযোগ অবকাঠামো', 'আইসিটি অবকাঠামো', 'সর্বজনীন প্রবেশাধিকার', 'গ্রামীণ সংযোগ'),
    hi: e('सूचना और संचार अवसंरचना', 'आईसीटी अवसंरचना', 'सार्वभौमिक पहुँच', 'ग्रामीण कनेक्टिविटी'),
  },
  {
    en: e('Access to information and knowledge', 'access to information', 'open access', 'public libraries', 'community access points', 'open data'),
    fr: e('L\'accès à l\'information et au savoir', 'accès à l\'information', 'libre accès', 'bibliothèques publiques', 'points d\'accès communautaires', 'données ouvertes'),
    es: e('Acceso a la información y al conocimiento', 'acceso a la información', 'acceso abierto', 'bibliotecas públicas', 'datos abiertos'),
    pt: e('Acesso à informação e ao conhecimento', 'acesso à informação', 'acesso aberto', 'bibliotecas públicas', 'dados abertos'),
    ar: e('النفاذ إلى المعلومات والمعارف', 'الوصول إلى المعلومات', 'النفاذ المفتوح', 'المكتبات العامة', 'البيانات المفتوحة'),
    ha: e('Samun bayanai da ilimi', 'samun bayanai', 'dakin karatu', 'bayanai a bude'),
    sw: e('Upatikanaji wa habari na maarifa', 'upatikanaji wa habari', 'maktaba', 'maktaba za umma', 'takwimu huria'),
    bn: e('তথ্য ও জ্ঞানে প্রবেশাধিকার', 'তথ্য অধিকার', 'তথ্যে প্রবেশাধিকার', 'পাঠাগার', 'উন্মুক্ত তথ্য'),
    hi: e('सूचना और ज्ञान तक पहुँच', 'सूचना का अधिकार', 'सूचना तक पहुँच', 'पुस्तकालय', 'खुला डेटा'),
  },
  {
    en: e('Capacity building', 'digital literacy', 'digital skills', 'ICT training', 'training of trainers'),
    fr: e('Le renforcement des capacités', 'renforcement des capacités', 'littératie numérique', 'compétences numériques', 'formation aux TIC'),
    es: e('Creación de capacidad', 'fortalecimiento de capacidades', 'alfabetización digital', 'competencias digitales', 'formación en TIC'),
    pt: e('Capacitação', 'desenvolvimento de capacidades', 'literacia digital', 'letramento digital', 'competências digitais'),
    ar: e('بناء القدرات', 'تنمية القدرات', 'محو الأمية الرقمية', 'المهارات الرقمية', 'التدريب على تكنولوجيا المعلومات'),
    ha: e('Gina ƙwarewa', 'gina iyawa', 'horon fasahar zamani', 'ilimin fasahar zamani', 'horaswa'),
    sw: e('Kujenga uwezo', 'ujuzi wa kidijitali', 'elimu ya kidijitali', 'mafunzo ya TEHAMA'),
    bn: e('সক্ষমতা বৃদ্ধি', 'সক্ষমতা উন্নয়ন', 'ডিজিটাল সাক্ষরতা', 'ডিজিটাল দক্ষতা', 'আইসিটি প্রশিক্ষণ'),
    hi: e('क्षमता निर्माण', 'डिजिटल साक्षरता', 'डिजिटल कौशल', 'आईसीटी प्रशिक्षण'),
  },
  {
    en: e('Building confidence and security in the use of ICTs', 'cybersecurity', 'online safety', 'privacy', 'data protection', 'fraud', 'scams'),
    fr: e('Établir la confiance et la sécurité dans l\'utilisation des TIC', 'cybersécurité', 'sécurité en ligne', 'vie privée', 'protection des données', 'arnaques'),
    es: e('Crear confianza y seguridad en la utilización de las TIC', 'ciberseguridad', 'seguridad en línea', 'privacidad', 'protección de datos', 'estafas'),
    pt: e('Construir confiança e segurança no uso das TIC', 'cibersegurança', 'segurança online', 'privacidade', 'proteção de dados', 'fraudes'),
    ar: e('بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات', 'الأمن السيبراني', 'الأمان على الإنترنت', 'الخصوصية', 'حماية البيانات', 'الاحتيال'),
    ha: e('Gina amincewa da tsaro wajen amfani da fasahar sadarwa', 'tsaron intanet', 'tsaro a yanar gizo', 'sirri', 'damfara'),
    sw: e('Kujenga imani na usalama katika matumizi ya TEHAMA', 'usalama mtandaoni', 'usalama wa mtandao', 'faragha', 'ulinzi wa data', 'utapeli'),
    bn: e('আইসিটি ব্যবহারে আস্থা ও নিরাপত্তা তৈরি', 'সাইবার নিরাপত্তা', 'অনলাইন নিরাপত্তা', 'গোপনীয়তা', 'তথ্য সুরক্ষা', 'প্রতারণা'),
    hi: e('आईसीटी के उपयोग में विश्वास और सुरक्षा का निर्माण', 'साइबर सुरक्षा', 'ऑनलाइन सुरक्षा', 'निजता', 'डेटा संरक्षण', 'धोखाधड़ी'),
  },
  {
    en: e('Enabling environment', 'ICT policy', 'regulation', 'spectrum', 'licensing', 'digital policy'),
    fr: e('Créer un environnement propice', 'environnement propice', 'politique TIC', 'réglementation', 'spectre', 'licences'),
    es: e('Entorno habilitador', 'política de TIC', 'regulación', 'espectro', 'licencias'),
    pt: e('Ambiente favorável', 'ambiente propício', 'política de TIC', 'regulação', 'regulamentação', 'espectro'),
    ar: e('البيئة التمكينية', 'سياسات تكنولوجيا المعلومات', 'الأطر التنظيمية', 'الطيف الترددي', 'التراخيص'),
    ha: e('Yanayi mai ba da dama', 'dokokin sadarwa', 'manufofin sadarwa', 'lasisi'),
    sw: e('Mazingira wezeshi', 'sera ya TEHAMA', 'udhibiti', 'masafa', 'leseni'),
    bn: e('সহায়ক পরিবেশ', 'আইসিটি নীতি', 'নিয়ন্ত্রণ কাঠামো', 'তরঙ্গ বরাদ্দ', 'লাইসেন্স'),
    hi: e('सक्षम वातावरण', 'आईसीटी नीति', 'विनियमन', 'स्पेक्ट्रम', 'लाइसेंस'),
  },
  {
    en: e('ICT applications (e-government, e-business, e-learning, e-health, e-employment, e-environment, e-agriculture, e-science)', 'e-government', 'e-health', 'mHealth', 'e-learning', 'e-agriculture', 'e-business', 'telemedicine'),
    fr: e('Les applications TIC (administration électronique, commerce électronique, téléenseignement, cybersanté, télétravail, cyberécologie, cyberagriculture, cyberscience)', 'administration électronique', 'e-santé', 'cybersanté', 'télémédecine', 'téléenseignement', 'e-agriculture'),
    es: e('Aplicaciones de las TIC (gobierno electrónico, negocios electrónicos, aprendizaje electrónico, cibersalud, ciberempleo, ciberecología, ciberagricultura, ciberciencia)', 'gobierno electrónico', 'cibersalud', 'telemedicina', 'aprendizaje electrónico', 'ciberagricultura'),
    pt: e('Aplicações das TIC (governo eletrônico, negócios eletrônicos, ensino a distância, saúde eletrônica, emprego eletrônico, ambiente eletrônico, agricultura eletrônica, ciência eletrônica)', 'governo eletrônico', 'saúde digital', 'telemedicina', 'ensino a distância', 'agricultura digital'),
    ar: e('تطبيقات تكنولوجيا المعلومات والاتصالات (الحكومة الإلكترونية، والأعمال الإلكترونية، والتعلّم الإلكتروني، والصحة الإلكترونية، والعمالة الإلكترونية، والبيئة الإلكترونية، والزراعة الإلكترونية، والعلوم الإلكترونية)', 'الحكومة الإلكترونية', 'الصحة الإلكترونية', 'التطبيب عن بعد', 'التعلم الإلكتروني', 'الزراعة الإلكترونية'),
    ha: e('Amfani da fasahar sadarwa a fannoni', 'gwamnati ta intanet', 'lafiya ta waya', 'koyo ta intanet', 'noma ta waya'),
    sw: e('Matumizi ya TEHAMA (serikali mtandao, biashara mtandao, elimu mtandao, afya mtandao, ajira mtandao, mazingira mtandao, kilimo mtandao, sayansi mtandao)', 'serikali mtandao', 'afya mtandao', 'elimu mtandao', 'kilimo mtandao', 'biashara mtandao'),
    bn: e('আইসিটি প্রয়োগ (ই-গভর্নমেন্ট, ই-বিজনেস, ই-লার্নিং, ই-হেলথ, ই-কর্মসংস্থান, ই-পরিবেশ, ই-কৃষি, ই-বিজ্ঞান)', 'ই-গভর্নমেন্ট', 'ই-সেবা', 'ই-হেলথ', 'টেলিমেডিসিন', 'ই-লার্নিং', 'ই-কৃষি'),
    hi: e('आईसीटी अनुप्रयोग (ई-सरकार, ई-व्यवसाय, ई-लर्निंग, ई-स्वास्थ्य, ई-रोज़गार, ई-पर्यावरण, ई-कृषि, ई-विज्ञान)', 'ई-गवर्नेंस', 'ई-स्वास्थ्य', 'टेलीमेडिसिन', 'ई-लर्निंग', 'ई-कृषि'),
  },
  {
    en: e('Cultural diversity and identity, linguistic diversity and local content', 'local content', 'linguistic diversity', 'cultural diversity', 'content in local languages'),
    fr: e('Diversité et identité culturelles, diversité linguistique et contenus locaux', 'contenus locaux', 'contenu local', 'diversité linguistique', 'diversité culturelle'),
    es: e('Diversidad e identidad culturales, diversidad lingüística y contenido local', 'contenido local', 'contenidos locales', 'diversidad lingüística', 'diversidad cultural'),
    pt: e('Diversidade e identidade culturais, diversidade linguística e conteúdo local', 'conteúdo local', 'conteúdos locais', 'diversidade linguística', 'diversidade cultural'),
    ar: e('التنوع الثقافي والهوية الثقافية والتنوع اللغوي والمحتوى المحلي', 'المحتوى المحلي', 'التنوع اللغوي', 'التنوع الثقافي', 'المحتوى العربي'),
    ha: e("Bambancin al'adu da asali, bambancin harsuna da abubuwan cikin gida", 'abubuwan cikin gida', 'bambancin harsuna', "bambancin al'adu", 'abubuwa cikin harshen gida'),
    sw: e('Utofauti wa kitamaduni na utambulisho, utofauti wa lugha na maudhui ya ndani', 'maudhui ya ndani', 'maudhui ya Kiswahili', 'utofauti wa lugha', 'utofauti wa kitamaduni'),
    bn: e('সাংস্কৃতিক বৈচিত্র্য ও পরিচয়, ভাষাগত বৈচিত্র্য ও স্থানীয় কনটেন্ট', 'স্থানীয় কনটেন্ট', 'বাংলা কনটেন্ট', 'ভাষাগত বৈচিত্র্য', 'সাংস্কৃতিক বৈচিত্র্য'),
    hi: e('सांस्कृतिक विविधता और पहचान, भाषाई विविधता और स्थानीय सामग्री', 'स्थानीय सामग्री', 'भाषाई विविधता', 'सांस्कृतिक विविधता', 'हिंदी सामग्री'),
  },
  {
    en: e('Media', 'community media', 'journalism', 'journalists', 'press freedom', 'media literacy'),
    fr: e('Médias', 'médias communautaires', 'journalisme', 'journalistes', 'liberté de la presse', 'éducation aux médias'),
    es: e('Medios de comunicación', 'medios comunitarios', 'periodismo', 'periodistas', 'libertad de prensa', 'alfabetización mediática'),
    pt: e('Meios de comunicação', 'mídia', 'media', 'mídia comunitária', 'jornalismo', 'jornalistas', 'liberdade de imprensa'),
    ar: e('وسائط الإعلام', 'الإعلام', 'الإعلام المجتمعي', 'الصحافة', 'الصحفيين', 'حرية الصحافة'),
    ha: e('Kafafen yaɗa labarai', 'yada labarai', "'yan jarida", 'aikin jarida', "'yancin 'yan jarida"),
    sw: e('Vyombo vya habari', 'vyombo vya habari vya jamii', 'uandishi wa habari', 'waandishi wa habari', 'uhuru wa habari'),
    bn: e('গণমাধ্যম', 'কমিউনিটি মিডিয়া', 'সাংবাদিকতা', 'সাংবাদিক', 'গণমাধ্যমের স্বাধীনতা'),
    hi: e('मीडिया', 'सामुदायिक मीडिया', 'पत्रकारिता', 'पत्रकार', 'प्रेस की स्वतंत्रता'),
  },
  {
    en: e('Ethical dimensions of the information society', 'ethics', 'ethical', 'misinformation', 'hate speech', 'digital rights'),
    fr: e('Dimensions éthiques de la société de l\'information', 'éthique', 'désinformation', 'discours de haine', 'droits numériques'),
    es: e('Dimensiones éticas de la Sociedad de la Información', 'ética', 'desinformación', 'discurso de odio', 'derechos digitales'),
    pt: e('Dimensões éticas da sociedade da informação', 'ética', 'desinformação', 'discurso de ódio', 'direitos digitais'),
    ar: e('الأبعاد الأخلاقية لمجتمع المعلومات', 'الأخلاقيات', 'التضليل', 'المعلومات المضللة', 'خطاب الكراهية', 'الحقوق الرقمية'),
    ha: e("Fuskokin ɗa'a na al'ummar bayanai", "da'a", 'labaran karya', 'kalaman batanci', 'kalaman kiyayya'),
    sw: e('Maadili katika jamii ya habari', 'maadili', 'habari za uongo', 'matamshi ya chuki', 'haki za kidijitali'),
    bn: e('তথ্য সমাজের নৈতিক মাত্রা', 'নৈতিকতা', 'ভুল তথ্য', 'গুজব', 'ঘৃণাত্মক বক্তব্য', 'ডিজিটাল অধিকার'),
    hi: e('सूचना समाज के नैतिक आयाम', 'नैतिकता', 'गलत सूचना', 'अफ़वाह', 'नफ़रत भरे भाषण', 'डिजिटल अधिकार'),
  },
  {
    en: e('International and regional cooperation', 'international cooperation', 'regional cooperation', 'South-South cooperation', 'twinning'),
    fr: e('Coopération internationale et régionale', 'coopération internationale', 'coopération régionale', 'coopération Sud-Sud', 'jumelage'),
    es: e('Cooperación internacional y regional', 'cooperación internacional', 'cooperación regional', 'cooperación Sur-Sur', 'hermanamiento'),
    pt: e('Cooperação internacional e regional', 'cooperação internacional', 'cooperação regional', 'cooperação Sul-Sul', 'geminação'),
    ar: e('التعاون الدولي والإقليمي', 'التعاون الدولي', 'التعاون الإقليمي', 'التعاون بين بلدان الجنوب', 'التوأمة'),
    ha: e('Haɗin gwiwar ƙasa da ƙasa da na yanki', 'hadin gwiwar kasa da kasa', 'hadin gwiwar yanki', 'hadin gwiwa tsakanin kasashe masu tasowa'),
    sw: e('Ushirikiano wa kimataifa na kikanda', 'ushirikiano wa kimataifa', 'ushirikiano wa kikanda', 'ushirikiano wa Kusini-Kusini'),
    bn: e('আন্তর্জাতিক ও আঞ্চলিক সহযোগিতা', 'আন্তর্জাতিক সহযোগিতা', 'আঞ্চলিক সহযোগিতা', 'দক্ষিণ-দক্ষিণ সহযোগিতা'),
    hi: e('अंतरराष्ट्रीय और क्षेत्रीय सहयोग', 'अंतरराष्ट्रीय सहयोग', 'क्षेत्रीय सहयोग', 'दक्षिण-दक्षिण सहयोग'),
  },
];

/** How each language names an Action Line by code: "C7", "WSIS C7", "action line C7", "ligne d'action C7"… */
const CODE_PHRASES: Readonly<Record<VocabularyLang, readonly string[]>> = {
  en: ['action line'], fr: ['ligne d\'action'], es: ['línea de acción'], pt: ['linha de ação'],
  ar: ['خط العمل'], ha: [], sw: [], bn: [], hi: [],
};

export const WSIS_VOCABULARY: ConceptTable<string> = Object.fromEntries(
  LINES.map((line, i) => {
    const code = `C${i + 1}`;
    return [code, withSynonyms(line, (lang) => [code, `WSIS ${code}`, ...CODE_PHRASES[lang].map((p) => `${p} ${code}`)])];
  }),
);
