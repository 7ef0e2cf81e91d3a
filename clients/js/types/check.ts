// Compile-only usage of the declarations (`npm run typecheck`); never run.
import {
  ErrorType,
  Js2Error,
  LibreConnectClient,
  WrapperErrorCode,
  type CardStatusEvent,
  type Js2Answer,
  type Monitor,
  type WebSocketConstructor,
} from '@libreconnect/client';

declare const WebSocketImpl: WebSocketConstructor;

export async function usage(): Promise<void> {
  const client = new LibreConnectClient({ WebSocket: WebSocketImpl, timeouts: { hl_readCpxCard: 20_000 } });
  const defaults = new LibreConnectClient();
  // the browser's own WebSocket and fetch fit the options
  const browser = new LibreConnectClient({ WebSocket, fetch, healthCheck: false, host: 'localhost.icanopee.net', port: 9982 });
  void browser;
  const version: string | null = (await defaults.checkHealth()).version;

  const session = await client.openSession({ applicationId: 'demo', timeoutInSeconds: '7200' });
  const sessionId: string = session.s_sessionId;
  const current: string | null = client.sessionId;

  const readers = await client.getPcscReaders();
  const cps = readers.Readers.findIndex((reader) => reader.i_slotType === 3);
  await client.getCpxCard({ readerNumber: cps, readerName: readers.Readers[cps]?.s_name });
  await client.getVitaleCard({ readerName: 'Vitale Reader 1' });
  const vitaleCard = await client.readVitaleCard();
  const child: boolean = vitaleCard.Patients.some((patient) => patient.i_quality === 6);
  const vitaleStatus: number = vitaleCard.i_cardStatus;
  void child;
  void vitaleStatus;

  const status = await client.getCpxStatus();
  const triesLeft: number | undefined = status.i_nbInputLeft;

  try {
    const card = await client.readCpxCard({ pinCode: '1234' });
    const name: string = `${card.s_given} ${card.s_name}`;
    const location: string | undefined = card.PracticeLocations[0]?.s_practiceLocationName;
    void name;
    void location;
  } catch (error) {
    if (error instanceof Js2Error && error.isWrongPin()) {
      const code: number | null = error.apiErrorCode;
      void code;
    }
    if (error instanceof Js2Error && error.is(ErrorType.WrapperErrors, WrapperErrorCode.ServerTimeout)) {
      const answer: Record<string, unknown> = error.answer;
      void answer;
    }
  }

  const signature = await client.signWithCpxCard({ pinCode: '1234', dataToSignInBase64: 'aGVsbG8=', digestType: 1 });
  const signed: string = signature.s_signature;

  const connector = await client.createDmpConnector(
    { pinCode: '1234', dmpUrl: 'formation1', transactionsTimeout: 60, practiceSetting: 'AMBULATOIRE', cpsPracticeLocationIndice: 0 },
    { timeoutMs: 30_000 },
  );
  const instance: string | undefined = connector.s_instanceUniqueId;

  const dmp = await client.getDirectAuthenticationDMPStatus({ ins: { s_ins: '255069999999934', s_insType: 'D' } });
  const dmpStatus: number | undefined = dmp.ExistingTestAnswer?.i_dmpStatus;
  await client.setDmpAccessMode({ accessMode: 1 });
  await client.updateUserDmpAccessAuthorization({ ins: '255069999999934', action: 1, setTreatingPhysician: true });
  await client.getAccessibleDMPList({ type: 'LASTDOC', date: '20240101' });

  const sent = await client.sendDocument({
    ins: '255069999999934',
    fileContentBase64: 'SGVsbG8=',
    documentTitle: 'Compte rendu',
    documentCategory: '11488-4',
    documentVisibility: 1,
    documentFormat: 5,
    healthcareSetting: 'SA07',
    eventCodes: [{ s_classification: 'CCAM', s_code: 'AAFA001' }],
    treatingPhysician: { s_hpName: 'DOC', s_hpSpecialty: 'SM26' },
    s_submissionSetTitle: 'extra wire key',
  });
  const found = await client.findDocuments({ ins: '255069999999934', categories: ['11488-4'], status: 1 });
  const content = await client.getDocumentContentByUniqueId({ ins: '255069999999934', documentUniqueId: sent.s_uniqueId });
  await client.updateDocumentVisibilityByUniqueId({
    ins: '255069999999934',
    documentUniqueId: sent.s_uniqueId,
    healthCareSettings: 'SA07',
    newVisibility: 2,
  });
  await client.updateDocumentStatusByUniqueId({ ins: '255069999999934', documentUniqueId: sent.s_uniqueId, healthCareSettings: 'SA07' });
  await client.deleteDocument({ ins: '255069999999934', uniqueId: sent.s_uniqueId, healthCareSettings: 'SA07' });
  const urls: string[] = (await client.getWebPsDmpUrls({ ins: '255069999999934' })).Urls;

  const id = (await client.setSessionData({ sessionData64: 'AAEC' })).s_sessionDataId;
  await client.getSessionData({ sessionDataId: id });
  await client.setPersistantData({ persistantData64: 'AQID' });
  const century: number = (await client.computeBirthDayCentury({ date: '550615', quality: 6 })).i_century;
  const logs = await client.getLogsTail({ getServerLog: true, serverLogNbLastLines: 100 });
  await client.setLogLevels({ dmpConnectLogLevel: 4 });

  const monitor: Monitor<CardStatusEvent> = await client.startCpxCardMonitoring({ checkingInterval: 2 });
  monitor
    .on('event', (event) => console.log(event.s_cardStatus))
    .on('error', (error) => console.log(error.apiErrorCode))
    .on('close', ({ code }) => console.log(code));
  for await (const event of monitor) {
    if (event.i_cardStatus === 2) break;
  }
  const closeInfo = await monitor.stop();

  const vitale = await client.raw('hl_startVitaleCardMonitoring', { i_checkingInterval: 1 });
  await vitale.stop();
  const answer = await client.raw<Js2Answer & { i_count: number }>('hl_getPrintedDocumentsCount');
  const count: number = answer.i_count;

  await client.closeSession();
  client.sessionId = null;

  // @ts-expect-error: a misspelt option is rejected
  await client.readCpxCard({ pin: '1234' });
  // @ts-expect-error: integers are numbers or numeric strings
  await client.getCpxCard({ readerNumber: 'first' });

  console.log(version, sessionId, current, triesLeft, signed, instance, dmpStatus, found, content, urls, century, logs, closeInfo, count);
}
