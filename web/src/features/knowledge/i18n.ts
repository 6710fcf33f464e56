/** Strings of the knowledge base panel, merged into the app's bundles when the panel is imported. */
import i18next from "i18next";

const ko = {
  knowledge: {
    title: "지식베이스",
    intro: "자주 묻는 질문과 답변을 등록해 두면, 블록에 딱 맞지 않는 질문에도 가장 비슷한 답변을 보내요.",
    threshold: "지식 답변 기준 점수",
    thresholdHelp: "아무 블록에도 확실히 맞지 않을 때, 이 점수 이상인 지식 답변을 폴백보다 먼저 보냅니다.",
    thresholdScale: "낮추면 더 자주 답하지만 엉뚱한 답이 늘고, 높이면 확실할 때만 답해요. 기본값은 {{value}}이에요.",
    thresholdValue: "기준 점수 {{value}}",
    add: "Q&A 추가",
    bulk: "한꺼번에 붙여넣기",
    search: "Q&A 찾기",
    empty: "등록된 Q&A가 없어요",
    count: "Q&A {{count}}개",
    question: "질문",
    answer: "답변",
    categories: "카테고리",
    categoriesHelp: "최대 5개. 입력하고 Enter.",
    imageUrl: "이미지 URL",
    landingUrl: "연결 링크 URL",
    optional: "선택",
    edit: "편집",
    editOf: "'{{question}}' 편집",
    deleteOf: "'{{question}}' 삭제",
    addTitle: "Q&A 추가",
    editTitle: "Q&A 편집",
    save: "확인",
    duplicate: "같은 질문이 이미 있어요",
    invalid: {
      question: "질문을 입력하세요",
      answer: "답변을 입력하세요",
      categories: "카테고리는 5개까지예요",
      imageUrl: "http(s) 주소를 입력하세요",
      landingUrl: "http(s) 주소를 입력하세요",
    },
    bulkTitle: "Q&A 한꺼번에 붙여넣기",
    bulkHelp: "스프레드시트에서 복사한 행을 붙여넣으세요. 한 줄에 '질문<탭>답변', 셋째 칸에 쉼표로 구분한 카테고리를 넣을 수 있어요.",
    bulkLabel: "붙여넣을 내용",
    bulkReady: "{{count}}개를 추가할 수 있어요",
    bulkAdd: "{{count}}개 추가",
    bulkProblem: {
      no_tab: "{{line}}번째 줄: 질문과 답변 사이에 탭이 없어요",
      empty: "{{line}}번째 줄: 질문이나 답변이 비어 있어요",
      too_long: "{{line}}번째 줄: 질문(500자)·답변(1000자)·카테고리(5개) 한도를 넘었어요",
      duplicate: "{{line}}번째 줄: 이미 있는 질문이에요",
    },
    tooMany: "Q&A는 10,000개까지 등록할 수 있어요",
    readOnly: "지식베이스를 바꾸려면 편집자 이상 권한이 필요해요.",
  },
};

const en: typeof ko = {
  knowledge: {
    title: "Knowledge base",
    intro: "Register frequent questions and answers: questions that fit no block well still get the closest answer.",
    threshold: "Knowledge answer threshold",
    thresholdHelp: "When no block matches with confidence, knowledge answers scoring at least this are sent before the fallback.",
    thresholdScale: "Lower answers more often but with more wrong answers; higher answers only when sure. The default is {{value}}.",
    thresholdValue: "Threshold {{value}}",
    add: "Add Q&A",
    bulk: "Paste many",
    search: "Find Q&A",
    empty: "No Q&A yet",
    count: "{{count}} Q&A",
    question: "Question",
    answer: "Answer",
    categories: "Categories",
    categoriesHelp: "Up to 5. Type and press Enter.",
    imageUrl: "Image URL",
    landingUrl: "Link URL",
    optional: "optional",
    edit: "Edit",
    editOf: "Edit '{{question}}'",
    deleteOf: "Delete '{{question}}'",
    addTitle: "Add Q&A",
    editTitle: "Edit Q&A",
    save: "OK",
    duplicate: "The same question already exists",
    invalid: {
      question: "Enter a question",
      answer: "Enter an answer",
      categories: "At most 5 categories",
      imageUrl: "Enter an http(s) address",
      landingUrl: "Enter an http(s) address",
    },
    bulkTitle: "Paste many Q&A",
    bulkHelp:
      "Paste rows copied from a spreadsheet: 'question<TAB>answer' per line, optionally a third column of comma-separated categories.",
    bulkLabel: "Rows to paste",
    bulkReady: "{{count}} can be added",
    bulkAdd: "Add {{count}}",
    bulkProblem: {
      no_tab: "Line {{line}}: no tab between question and answer",
      empty: "Line {{line}}: the question or the answer is empty",
      too_long: "Line {{line}}: over the question (500), answer (1000) or categories (5) limit",
      duplicate: "Line {{line}}: the question already exists",
    },
    tooMany: "A knowledge base holds at most 10,000 Q&A",
    readOnly: "You need editor rights or more to change the knowledge base.",
  },
};

/** Deep-merges the strings; before i18next.init (pages are imported first) it waits for the store. */
function addStrings(): void {
  i18next.addResourceBundle("ko", "translation", ko, true, false);
  i18next.addResourceBundle("en", "translation", en, true, false);
}

if (i18next.isInitialized) addStrings();
else i18next.on("initialized", addStrings);
