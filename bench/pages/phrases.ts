/**
 * Sentence material per content language, so generated practices read like real ones (accents, Arabic
 * script, realistic word lengths) and compress like real text, not like repeated filler.
 */
export type Phrases = {
  topics: string[];
  methods: string[];
  sentences: string[];
  results: [string, string][];
  hub: [string, string];
};

export const PHRASES: Record<string, Phrases> = {
  fr: {
    topics: ['alertes criquets', 'santé maternelle', 'prix des marchés', 'semences résistantes', 'eau potable', 'alphabétisation des adultes', 'épargne villageoise', 'vaccination du bétail'],
    methods: ['par la radio communautaire', 'par SMS', 'avec des relais de quartier', 'au télécentre', 'par des émissions en langue locale', 'avec des téléphones simples'],
    sentences: [
      'Les familles de la zone n’avaient pas accès à une information fiable et à jour.',
      'Un comité de village choisit chaque mois les sujets des émissions avec les animateurs.',
      'Les volontaires collectent les questions des auditeurs et les transmettent aux agents techniques.',
      'La saison des pluies rend les routes impraticables pendant plusieurs semaines.',
      'Les femmes se réunissent au centre le mercredi pour écouter et discuter ensemble.',
      'Le télécentre fonctionne à l’énergie solaire et reste ouvert même pendant les coupures.',
      'Les messages sont enregistrés en haoussa, en zarma et en français pour toucher tout le monde.',
      'Un petit abonnement payé par les coopératives couvre les frais de crédit téléphonique.',
      'Les résultats sont présentés chaque trimestre lors de l’assemblée villageoise.',
      'Il faut impliquer les chefs coutumiers dès le début pour gagner la confiance des familles.',
    ],
    results: [['Villages couverts', '42'], ['Auditeurs réguliers', '12 000'], ['Pertes de récolte évitées', '30 %'], ['Femmes formées', '350']],
    hub: ['Radio communautaire', 'Une radio associative qui émet en langues locales et anime un réseau de correspondants villageois.'],
  },
  en: {
    topics: ['flood early warning', 'maternal health reminders', 'market price updates', 'drought-tolerant seeds', 'safe drinking water', 'adult literacy', 'village savings groups', 'livestock vaccination'],
    methods: ['over community radio', 'by SMS', 'through neighbourhood volunteers', 'at the telecentre', 'with local-language broadcasts', 'on basic phones'],
    sentences: [
      'Households in the district had no timely or trusted source of information.',
      'A village committee chooses the programme topics each month together with the presenters.',
      'Volunteers collect listeners’ questions and pass them on to extension officers.',
      'During the rainy season the roads are cut off for several weeks at a time.',
      'Women meet at the centre every Wednesday to listen to the programme and discuss it.',
      'The telecentre runs on solar power and stays open during grid outages.',
      'Messages are recorded in Swahili, Luo and English so that everyone can follow them.',
      'A small subscription paid by the cooperatives covers the cost of airtime.',
      'Results are shared every quarter at the village assembly.',
      'Involve traditional leaders from the start to earn the trust of families.',
    ],
    results: [['Villages reached', '38'], ['Regular listeners', '9,500'], ['Crop losses avoided', '25%'], ['Women trained', '410']],
    hub: ['Community telecentre', 'A shared computer and phone centre run by a youth association, with solar power and a small library.'],
  },
  es: {
    topics: ['alertas de heladas', 'salud materna', 'precios de mercado', 'semillas nativas', 'agua segura', 'alfabetización digital', 'ahorro comunitario', 'sanidad del ganado'],
    methods: ['por radio comunitaria', 'por SMS', 'con promotoras comunitarias', 'en el telecentro', 'con programas en quechua', 'con teléfonos básicos'],
    sentences: [
      'Las comunidades de altura no recibían información a tiempo ni en su idioma.',
      'Una asamblea comunal elige cada mes los temas del programa con los locutores.',
      'Las promotoras recogen las preguntas de las familias y las llevan a los técnicos.',
      'En temporada de lluvias los caminos quedan cortados durante semanas.',
      'Las mujeres se reúnen los miércoles en el local comunal para escuchar y conversar.',
      'El telecentro funciona con paneles solares y abre incluso durante los cortes de luz.',
      'Los mensajes se graban en quechua, aimara y castellano para llegar a todos.',
      'Una pequeña cuota de las cooperativas cubre el costo del saldo telefónico.',
      'Los resultados se presentan cada trimestre en la asamblea comunal.',
      'Hay que involucrar a las autoridades tradicionales desde el principio.',
    ],
    results: [['Comunidades alcanzadas', '27'], ['Oyentes habituales', '7.800'], ['Pérdidas de cosecha evitadas', '20 %'], ['Mujeres capacitadas', '260']],
    hub: ['Radio comunitaria', 'Una emisora comunitaria que transmite en quechua y castellano y coordina corresponsales en cada comunidad.'],
  },
  pt: {
    topics: ['alertas de cheias', 'saúde materna', 'preços de mercado', 'sementes crioulas', 'água potável', 'alfabetização de adultos', 'poupança comunitária', 'vacinação do gado'],
    methods: ['pela rádio comunitária', 'por SMS', 'com agentes comunitários', 'no telecentro', 'com programas em línguas locais', 'com telemóveis simples'],
    sentences: [
      'As famílias do distrito não tinham acesso a informação fiável e atempada.',
      'Um comité da aldeia escolhe todos os meses os temas dos programas com os locutores.',
      'Os voluntários recolhem as perguntas dos ouvintes e encaminham-nas aos técnicos.',
      'Na época das chuvas as estradas ficam cortadas durante semanas.',
      'As mulheres reúnem-se no centro às quartas-feiras para ouvir e conversar.',
      'O telecentro funciona a energia solar e continua aberto durante os cortes.',
      'As mensagens são gravadas em macua, sena e português para chegar a todos.',
      'Uma pequena quota paga pelas cooperativas cobre o custo do crédito telefónico.',
      'Os resultados são apresentados a cada trimestre na assembleia da aldeia.',
      'É preciso envolver os líderes tradicionais desde o início.',
    ],
    results: [['Aldeias abrangidas', '31'], ['Ouvintes regulares', '6.400'], ['Perdas de colheita evitadas', '22 %'], ['Mulheres formadas', '190']],
    hub: ['Rádio comunitária', 'Uma rádio associativa que emite em línguas locais e apoia uma rede de correspondentes nas aldeias.'],
  },
  ar: {
    topics: ['الإنذار المبكر بالفيضانات', 'صحة الأم', 'أسعار الأسواق', 'البذور المقاومة للجفاف', 'مياه الشرب', 'محو أمية الكبار', 'الادخار الجماعي', 'تلقيح الماشية'],
    methods: ['عبر الإذاعة المجتمعية', 'عبر الرسائل القصيرة', 'بمساعدة متطوعي الأحياء', 'في المركز المجتمعي', 'ببرامج باللهجة المحلية', 'بالهواتف البسيطة'],
    sentences: [
      'لم يكن لدى الأسر في المنطقة مصدر معلومات موثوق وفي الوقت المناسب.',
      'تختار لجنة القرية كل شهر مواضيع البرامج بالتعاون مع المذيعين.',
      'يجمع المتطوعون أسئلة المستمعين وينقلونها إلى المرشدين الزراعيين.',
      'في موسم الأمطار تنقطع الطرق لعدة أسابيع.',
      'تجتمع النساء في المركز كل أربعاء للاستماع إلى البرنامج ومناقشته.',
      'يعمل المركز بالطاقة الشمسية ويبقى مفتوحاً أثناء انقطاع الكهرباء.',
      'تُسجَّل الرسائل بالعربية والأمازيغية حتى يفهمها الجميع.',
      'يغطي اشتراك صغير تدفعه التعاونيات تكلفة رصيد الهاتف.',
      'تُعرض النتائج كل ثلاثة أشهر في اجتماع القرية.',
      'يجب إشراك الزعماء التقليديين منذ البداية لكسب ثقة الأسر.',
    ],
    results: [['القرى المشمولة', '24'], ['المستمعون المنتظمون', '5200'], ['خسائر المحاصيل التي تم تجنبها', '18٪'], ['النساء المدربات', '300']],
    hub: ['مركز مجتمعي', 'مركز للنفاذ إلى الإنترنت تديره جمعية شبابية، يعمل بالطاقة الشمسية ويضم مكتبة صغيرة.'],
  },
  sw: {
    topics: ['tahadhari za mafuriko', 'afya ya mama', 'bei za soko', 'mbegu zinazostahimili ukame', 'maji safi', 'kisomo cha watu wazima', 'vikundi vya akiba', 'chanjo ya mifugo'],
    methods: ['kupitia redio ya jamii', 'kwa SMS', 'kupitia wajitolea wa mtaa', 'katika kituo cha habari', 'kwa vipindi vya lugha ya nyumbani', 'kwa simu za kawaida'],
    sentences: [
      'Kaya za wilaya hazikuwa na chanzo cha habari kinachoaminika kwa wakati.',
      'Kamati ya kijiji huchagua mada za vipindi kila mwezi pamoja na watangazaji.',
      'Wajitolea hukusanya maswali ya wasikilizaji na kuyapeleka kwa maafisa ugani.',
      'Wakati wa masika barabara hukatika kwa wiki kadhaa.',
      'Wanawake hukutana kituoni kila Jumatano kusikiliza kipindi na kujadili.',
      'Kituo kinatumia nishati ya jua na hubaki wazi umeme unapokatika.',
      'Ujumbe hurekodiwa kwa Kiswahili na lugha za makabila ili kila mtu aelewe.',
      'Ada ndogo inayolipwa na vyama vya ushirika hulipia muda wa maongezi.',
      'Matokeo hushirikiwa kila robo mwaka katika mkutano wa kijiji.',
      'Washirikishe viongozi wa kimila tangu mwanzo ili kupata imani ya familia.',
    ],
    results: [['Vijiji vilivyofikiwa', '29'], ['Wasikilizaji wa kawaida', '8,100'], ['Hasara za mazao zilizoepukwa', '21%'], ['Wanawake waliofunzwa', '230']],
    hub: ['Kituo cha jamii', 'Kituo cha kompyuta na simu kinachoendeshwa na chama cha vijana, chenye nishati ya jua.'],
  },
};
