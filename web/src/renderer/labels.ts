/** Words the renderer itself shows; the admin center passes translated ones, the web chat the defaults. */
export interface RendererLabels {
  showMore: string;
  showLess: string;
  won: string;
  share: string;
  operator: string;
  previous: string;
  next: string;
  carousel: string;
  quickReplies: string;
  botMessage: string;
  userMessage: string;
  imageMissing: string;
}

export const DEFAULT_LABELS: RendererLabels = {
  showMore: "전체 보기",
  showLess: "접기",
  won: "원",
  share: "공유하기",
  operator: "상담원 연결",
  previous: "이전",
  next: "다음",
  carousel: "카드 목록",
  quickReplies: "바로가기 응답",
  botMessage: "봇 메시지",
  userMessage: "내 메시지",
  imageMissing: "이미지",
};
