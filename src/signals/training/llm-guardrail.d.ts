// Types for the parts of llm_guardrail (a dev dependency, used only as a baseline in eval.ts) we call.
declare module 'llm_guardrail' {
  interface GuardrailCheck {
    detected: boolean;
    confidence: number;
  }
  export function checkAll(prompt: string): Promise<{ injection: GuardrailCheck; jailbreak: GuardrailCheck; malicious: GuardrailCheck }>;
}
